/// Reads bytes as a file of this name and normalizes every record it yields.
pub fn read_all(name: &str, data: &[u8]) {
    let Ok(opened) = rolo::read::from_bytes(name, data.to_vec()) else {
        return;
    };
    for raw in opened.records.into_iter().flatten() {
        let _ = rolo::normalize::normalize(raw, &rolo::normalize::Options::default());
    }
}
