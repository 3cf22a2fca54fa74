//! End-to-end tests of the rolo command.
