"""Pairs of records written from real-world names, each one person or two, and whether rolo
joins them: nicknames and diminutives of many languages, transliterations and names in their own
scripts, accents left out, family-first order, double surnames and particles, married names,
initials, typing slips, addresses and numbers written otherwise; and beside them namesakes,
relatives, colleagues and names a letter apart that are two people.

    python3 scripts/name_pairs.py [alone|together]

Each pair is a badge CSV row against a phone vCard, a LinkedIn connection or a card-scanner row.
`alone` (the default) runs rolo once per pair, with nothing else in the files; `together` puts
every pair in one haul. Prints the pairs decided wrongly and the counts. ROLO names the binary
(default target/release/rolo).
"""
import csv, io, json, os, shutil, subprocess, sys, tempfile

ROLO = os.environ.get("ROLO", os.path.join(os.path.dirname(__file__), "..", "target", "release", "rolo"))
ROLO = os.path.abspath(ROLO)

# (expected, A, (kind, B)): A is a badge CSV row; B a phone vCard (v), a LinkedIn row (l) or a
# card-scanner row (c). Fields: f given, l family, n full name in one column, o organization,
# e email, p phone.
S, D = "same", "diff"
CASES = [
 # English nicknames, one shared identifier or org
 (S, dict(f="William", l="Harrington", o="Acme Corp", e="w.harrington@acme.example"), ("v", dict(f="Bill", l="Harrington", e="w.harrington@acme.example"))),
 (S, dict(f="Margaret", l="Olsen", o="Nordic Freight", p="+44 7700 900123"), ("v", dict(f="Peggy", l="Olsen", p="07700 900123"))),
 (S, dict(f="Robert", l="Kowalczyk", o="Baltic Systems"), ("l", dict(f="Bob", l="Kowalczyk", o="Baltic Systems"))),
 (S, dict(f="Elizabeth", l="Whitmore", o="Greenleaf Ltd", e="liz@greenleaf.example"), ("v", dict(f="Liz", l="Whitmore", o="Greenleaf"))),
 (S, dict(f="Edward", l="Whitmore", o="Crane & Sons", e="ted@crane.example"), ("c", dict(f="Edward", l="Whitmore", o="Crane and Sons", e="edward.whitmore@crane.example"))),
 (S, dict(f="Richard", l="Abernathy", o="Fjord Analytics"), ("l", dict(f="Dick", l="Abernathy", o="Fjord Analytics AS"))),
 (S, dict(f="Katherine", l="Mbeki", p="+27 82 555 0199"), ("v", dict(f="Kate", l="Mbeki", p="082 555 0199"))),
 (S, dict(f="Anthony", l="Russo", o="Lumen Partners"), ("l", dict(f="Tony", l="Russo", o="Lumen Partners LLP"))),
 (S, dict(f="Charles", l="Whitfield", o="Orbis Inc", e="cwhitfield@orbis.example"), ("v", dict(f="Chuck", l="Whitfield", e="cwhitfield@orbis.example"))),
 (S, dict(f="Christopher", l="Nakamura-Reid", o="Tideline"), ("l", dict(f="Chris", l="Nakamura-Reid", o="Tideline"))),
 (S, dict(f="Rebecca", l="Steinberg", p="+1 415 555 0142"), ("v", dict(f="Becky", l="Steinberg", p="(415) 555-0142"))),
 (S, dict(f="Henry", l="Castellano", o="Castellano Vineyards"), ("l", dict(f="Hank", l="Castellano", o="Castellano Vineyards"))),
 # Diminutives of other languages
 (S, dict(f="Aleksandr", l="Volkov", o="Severstal", p="+7 916 123 45 67"), ("v", dict(f="Sasha", l="Volkov", p="+79161234567"))),
 (S, dict(f="Dmitry", l="Orlov", o="Kaspersky Lab", e="d.orlov@kaspersky.example"), ("v", dict(f="Dima", l="Orlov", e="d.orlov@kaspersky.example"))),
 (S, dict(f="Nikolai", l="Smirnov", o="Rostelecom", p="+7 903 555 11 22"), ("v", dict(f="Kolya", l="Smirnov", p="+7 903 555-11-22"))),
 (S, dict(f="Vladimir", l="Kuznetsov", o="Tinkoff"), ("l", dict(f="Volodymyr", l="Kuznetsov", o="Tinkoff"))),
 (S, dict(f="Mikhail", l="Lebedev", e="misha.lebedev@mail.example"), ("v", dict(f="Misha", l="Lebedev", e="misha.lebedev@mail.example"))),
 (S, dict(f="José", l="Fernández", o="Telefónica", p="+34 612 345 678"), ("v", dict(f="Pepe", l="Fernández", p="612 34 56 78"))),
 (S, dict(f="Francisco", l="Morales", o="Cemex", e="fmorales@cemex.example"), ("v", dict(f="Paco", l="Morales", e="fmorales@cemex.example"))),
 (S, dict(f="Ignacio", l="Herrera", o="BBVA"), ("l", dict(f="Nacho", l="Herrera", o="BBVA"))),
 (S, dict(f="Johannes", l="Schröder", o="Siemens AG", e="johannes.schroeder@siemens.example"), ("v", dict(f="Hans", l="Schröder", e="johannes.schroeder@siemens.example"))),
 (S, dict(f="Josef", l="Huber", o="Red Bull", p="+43 664 1234567"), ("v", dict(f="Sepp", l="Huber", p="0664 1234567"))),
 (S, dict(f="Friedrich", l="Baumann", o="Bosch"), ("l", dict(f="Fritz", l="Baumann", o="Robert Bosch GmbH"))),
 (S, dict(f="Cornelis", l="de Vries", o="Philips", e="kees.devries@philips.example"), ("v", dict(f="Kees", l="de Vries", e="kees.devries@philips.example"))),
 (S, dict(f="Giuseppe", l="Esposito", o="Eni", p="+39 333 123 4567"), ("v", dict(f="Beppe", l="Esposito", p="333 1234567"))),
 (S, dict(f="Giovanni", l="Ricci", o="Ferrero"), ("l", dict(f="Gianni", l="Ricci", o="Ferrero"))),
 (S, dict(f="Francesca", l="Bianchi", o="Luxottica", e="f.bianchi@luxottica.example"), ("v", dict(f="Franci", l="Bianchi", e="f.bianchi@luxottica.example"))),
 (S, dict(f="Antonio", l="Pereira", o="Galp", p="+351 912 345 678"), ("v", dict(f="Toni", l="Pereira", p="912 345 678"))),
 (S, dict(f="Manuel", l="Oliveira", o="Jerónimo Martins"), ("l", dict(f="Manu", l="Oliveira", o="Jeronimo Martins"))),
 (S, dict(f="Rafael", l="Souza", o="Natura", e="rafa.souza@natura.example"), ("v", dict(f="Rafa", l="Souza", e="rafa.souza@natura.example"))),
 (S, dict(f="Abdullah", l="Al-Harbi", o="Aramco", p="+966 50 123 4567"), ("v", dict(f="Abdallah", l="Alharbi", p="0501234567"))),
 # Transliteration and scripts
 (S, dict(f="Dmitri", l="Ivanov", o="Yandex"), ("l", dict(f="Dmitriy", l="Ivanov", o="Yandex"))),
 (S, dict(f="Yuri", l="Gagarin", o="Roscosmos", e="y.gagarin@roscosmos.example"), ("v", dict(f="Iurii", l="Gagarin", e="y.gagarin@roscosmos.example"))),
 (S, dict(f="Sergei", l="Brin", o="Alphabet"), ("l", dict(f="Sergey", l="Brin", o="Alphabet Inc."))),
 (S, dict(f="Alexei", l="Navalny", p="+7 925 111 22 33"), ("v", dict(f="Алексей", l="Навальный", p="+7 925 111 22 33"))),
 (S, dict(f="Ivan", l="Petrov", o="Sber"), ("v", dict(f="Иван", l="Петров", o="Sber"))),
 (S, dict(f="Olena", l="Shevchenko", o="Monobank", p="+380 67 123 4567"), ("v", dict(f="Олена", l="Шевченко", p="+380671234567"))),
 (S, dict(f="Mohammed", l="Al-Rashid", o="Emirates NBD", e="m.alrashid@enbd.example"), ("v", dict(f="Muhammad", l="Al Rashid", e="m.alrashid@enbd.example"))),
 (S, dict(f="Mohamed", l="Haddad", o="Orange Tunisie"), ("l", dict(f="Mohammed", l="Haddad", o="Orange Tunisie"))),
 (S, dict(f="Youssef", l="Benali", p="+212 661 234567"), ("v", dict(f="Yusuf", l="Benali", p="0661-234567"))),
 (S, dict(f="Giorgos", l="Papadopoulos", o="Cosmote", e="gpapadopoulos@cosmote.example"), ("v", dict(f="Γιώργος", l="Παπαδόπουλος", e="gpapadopoulos@cosmote.example"))),
 (S, dict(f="Yiorgos", l="Georgiou", o="Aegean Airlines"), ("l", dict(f="Giorgos", l="Georgiou", o="Aegean Airlines"))),
 (S, dict(f="Dimitrios", l="Konstantinou", p="+30 694 123 4567"), ("v", dict(f="Δημήτρης", l="Κωνσταντίνου", p="+30 6941234567"))),
 (S, dict(f="Wei", l="Wang", o="Huawei", e="wang.wei@huawei.example"), ("v", dict(f="伟", l="王", e="wang.wei@huawei.example"))),
 (S, dict(f="Minjun", l="Kim", o="Samsung", p="+82 10 1234 5678"), ("v", dict(f="민준", l="김", p="010-1234-5678"))),
 (S, dict(f="Taro", l="Yamada", o="Toyota", e="taro.yamada@toyota.example"), ("v", dict(f="太郎", l="山田", e="taro.yamada@toyota.example"))),
 (S, dict(f="Xiaoming", l="Li", o="Alibaba"), ("l", dict(f="Xiao Ming", l="Li", o="Alibaba Group"))),
 # Accents missing
 (S, dict(f="José", l="Núñez", o="Repsol"), ("l", dict(f="Jose", l="Nunez", o="Repsol"))),
 (S, dict(f="Jürgen", l="Müller", o="BASF"), ("l", dict(f="Juergen", l="Mueller", o="BASF SE"))),
 (S, dict(f="Jürgen", l="Müller", o="Henkel"), ("l", dict(f="Jurgen", l="Muller", o="Henkel"))),
 (S, dict(f="François", l="Lefèvre", o="Danone"), ("l", dict(f="Francois", l="Lefevre", o="Danone"))),
 (S, dict(f="Łukasz", l="Wiśniewski", o="Allegro"), ("l", dict(f="Lukasz", l="Wisniewski", o="Allegro"))),
 (S, dict(f="Søren", l="Østergaard", o="Maersk"), ("l", dict(f="Soren", l="Ostergaard", o="Maersk"))),
 (S, dict(f="Zoë", l="Brontë-Hall", o="Pearson"), ("l", dict(f="Zoe", l="Bronte-Hall", o="Pearson"))),
 (S, dict(f="Çağlar", l="Yılmaz", o="Turkcell"), ("l", dict(f="Caglar", l="Yilmaz", o="Turkcell"))),
 (S, dict(f="Thanh", l="Nguyễn", o="Viettel"), ("l", dict(f="Thanh", l="Nguyen", o="Viettel"))),
 # Order, single name column
 (S, dict(n="WANG Xiaoling", o="Tencent", e="xiaoling.wang@tencent.example"), ("v", dict(f="Xiaoling", l="Wang", e="xiaoling.wang@tencent.example"))),
 (S, dict(n="Tanaka Hiroshi", o="Sony"), ("l", dict(f="Hiroshi", l="Tanaka", o="Sony Group"))),
 (S, dict(n="Nagy László", o="MOL Group"), ("l", dict(f="László", l="Nagy", o="MOL Group"))),
 (S, dict(n="Smith, John", o="Unilever"), ("l", dict(f="John", l="Smith", o="Unilever"))),
 (S, dict(n="PAUL Thomas", o="Capgemini", e="thomas.paul@capgemini.example"), ("v", dict(f="Thomas", l="Paul", e="thomas.paul@capgemini.example"))),
 # Double surnames and particles
 (S, dict(n="María José García López", o="Inditex"), ("l", dict(f="María José", l="García", o="Inditex"))),
 (S, dict(f="Gabriel", l="García Márquez", o="Editorial Sudamericana"), ("l", dict(f="Gabriel", l="Garcia Marquez", o="Editorial Sudamericana"))),
 (S, dict(n="João Pedro Silva Santos", o="Embraer"), ("l", dict(f="João Pedro", l="Santos", o="Embraer"))),
 (S, dict(f="Anne-Marie", l="Dupont-Lefèvre", o="L'Oréal"), ("l", dict(f="Anne-Marie", l="Dupont", o="L'Oréal"))),
 (S, dict(n="Ludwig van Beethoven", o="Wiener Philharmoniker"), ("l", dict(f="Ludwig", l="Van Beethoven", o="Wiener Philharmoniker"))),
 (S, dict(f="Ursula", l="von der Leyen", o="European Commission"), ("l", dict(f="Ursula", l="Von Der Leyen", o="European Commission"))),
 (S, dict(f="Charles", l="de Gaulle", o="Élysée"), ("l", dict(f="Charles", l="DeGaulle", o="Elysee"))),
 (S, dict(f="Siobhán", l="O'Brien", o="Ryanair"), ("l", dict(f="Siobhan", l="OBrien", o="Ryanair"))),
 (S, dict(f="Ronald", l="McDonald", o="Golden Arches"), ("l", dict(f="Ronald", l="Mcdonald", o="Golden Arches"))),
 (S, dict(n="Pieter van den Berg", o="ING"), ("l", dict(f="Pieter", l="van den Berg", o="ING Bank"))),
 (S, dict(n="Dr. Amara Okafor", o="Lagos University Teaching Hospital"), ("l", dict(f="Amara", l="Okafor", o="Lagos University Teaching Hospital"))),
 (S, dict(n="M. Okafor", o="Dangote", e="m.okafor@dangote.example"), ("v", dict(f="Musa", l="Okafor", e="m.okafor@dangote.example"))),
 (S, dict(n="Martin Luther King Jr.", o="SCLC"), ("l", dict(f="Martin", l="King", o="SCLC"))),
 (S, dict(n="Jane Goodall PhD", o="Jane Goodall Institute"), ("l", dict(f="Jane", l="Goodall", o="Jane Goodall Institute"))),
 # Married names, with the same mobile or email
 (S, dict(f="Sarah", l="Johnson", o="Deloitte", p="+44 7700 900456"), ("v", dict(f="Sarah", l="Williams", p="+44 7700 900456"))),
 (S, dict(f="Emily", l="Carter", o="KPMG", e="emily.carter@kpmg.example"), ("c", dict(f="Emily", l="Carter-Nguyen", o="KPMG", e="emily.carter@kpmg.example"))),
 (S, dict(f="Anna", l="Kowalska", o="PKO Bank", p="+48 601 234 567"), ("v", dict(f="Anna", l="Nowak", p="601 234 567"))),
 # Initials and middle names
 (S, dict(f="J.", l="Tolkien", o="Oxford University Press", e="jrr.tolkien@oup.example"), ("v", dict(f="John", l="Tolkien", e="jrr.tolkien@oup.example"))),
 (S, dict(f="Mary Ann", l="Evans", o="Blackwood"), ("l", dict(f="Mary", l="Evans", o="Blackwood"))),
 (S, dict(f="F. Scott", l="Fitzgerald", o="Scribner"), ("l", dict(f="Scott", l="Fitzgerald", o="Scribner"))),
 (S, dict(f="A.", l="Okonkwo", o="Flutterwave"), ("l", dict(f="Adaeze", l="Okonkwo", o="Flutterwave"))),
 # Typos
 (S, dict(f="Jonathon", l="Pryce", o="Rolls-Royce", e="jpryce@rolls-royce.example"), ("v", dict(f="Jonathan", l="Pryce", e="jpryce@rolls-royce.example"))),
 (S, dict(f="Micheal", l="O'Connor", o="Aer Lingus"), ("l", dict(f="Michael", l="O'Connor", o="Aer Lingus"))),
 (S, dict(f="Stephen", l="Hawthorne", o="BAE Systems", p="+44 7911 123456"), ("v", dict(f="Steven", l="Hawthorne", p="07911 123456"))),
 (S, dict(f="Philip", l="Lindqvist", o="Volvo"), ("l", dict(f="Phillip", l="Lindqvist", o="Volvo Cars"))),
 (S, dict(f="Catherine", l="Dubois", o="AXA"), ("l", dict(f="Katherine", l="Dubois", o="AXA"))),
 (S, dict(f="Geoffrey", l="Hinton", o="Vector Institute"), ("l", dict(f="Geoffrey", l="Hinto", o="Vector Institute"))),
 (S, dict(f="Przemysław", l="Wojciechowski", o="CD Projekt"), ("l", dict(f="Przemyslaw", l="Wojciechowsky", o="CD Projekt"))),
 # Emails written otherwise, phones written otherwise
 (S, dict(f="Priya", l="Raghunathan", e="priya.raghunathan+expo@gmail.com"), ("v", dict(f="Priya", l="Raghunathan", e="priyaraghunathan@gmail.com"))),
 (S, dict(f="Kwame", l="Mensah", e="Kwame.Mensah@Googlemail.com"), ("v", dict(f="Kwame", l="Mensah", e="kwame.mensah@gmail.com"))),
 (S, dict(f="Lars", l="Eriksson", p="+46 70 123 45 67"), ("v", dict(f="Lars", l="Eriksson", p="0046701234567"))),
 (S, dict(f="Chloé", l="Martin", o="Ubisoft", p="06 12 34 56 78"), ("v", dict(f="Chloe", l="Martin", p="+33 6 12 34 56 78"))),
 # Case
 (S, dict(n="MCDONALD, RONALD", o="Golden Arches Realty"), ("l", dict(f="Ronald", l="McDonald", o="Golden Arches Realty"))),
 (S, dict(f="SEAN", l="O'NEILL", o="Kerry Group"), ("l", dict(f="Seán", l="O'Neill", o="Kerry Group"))),
 # Same person, job change, rare name, LinkedIn
 (S, dict(f="Oluwaseun", l="Adebayo-Crane", o="Interswitch"), ("l", dict(f="Oluwaseun", l="Adebayo-Crane", o="Paystack"))),
 (S, dict(f="Thandiwe", l="Nkosi-Ferreira", o="MTN", p="+27 83 555 0123"), ("c", dict(f="Thandiwe", l="Nkosi-Ferreira", o="Vodacom", p="+27 83 555 0123"))),
 # ---- different people
 (D, dict(f="John", l="Smith", o="Acme Corp", p="+1 212 555 0100"), ("c", dict(f="John", l="Smith", o="Globex", p="+1 312 555 0199"))),
 (D, dict(n="John Smith Sr.", p="+1 617 555 0133"), ("c", dict(n="John Smith Jr.", p="+1 617 555 0133"))),
 (D, dict(f="Mark", l="Kelly", p="+1 281 555 0177"), ("c", dict(f="Scott", l="Kelly", p="+1 281 555 0177"))),
 (D, dict(f="Alex", l="Morgan", e="morgan.family@gmail.com"), ("c", dict(f="Jordan", l="Morgan", e="morgan.family@gmail.com"))),
 (D, dict(f="Wei", l="Zhang", o="Huawei"), ("l", dict(f="Wei", l="Zhang", o="Alibaba"))),
 (D, dict(f="Maria", l="Garcia", o="Santander"), ("l", dict(f="Maria", l="Garcia", o="Iberdrola"))),
 (D, dict(f="David", l="Lee", o="Microsoft"), ("l", dict(f="David", l="Lee", o="Amazon"))),
 (D, dict(f="Alexander", l="Petrov", o="Gazprom Neft", e="a.petrov@gpn.example"), ("c", dict(f="Alexandra", l="Petrova", o="Gazprom Neft", e="a.petrova@gpn.example"))),
 (D, dict(f="Jean", l="Martin", o="Airbus"), ("c", dict(f="Jean-Pierre", l="Martin", o="Airbus"))),
 (D, dict(f="Marie", l="Dubois", o="Société Générale"), ("c", dict(f="Marie-Claire", l="Dubois", o="Société Générale"))),
 (D, dict(f="Thomas", l="Paul", o="Contoso", e="thomas.paul@contoso.example"), ("c", dict(f="Paul", l="Thomas", o="Contoso", e="paul.thomas@contoso.example"))),
 (D, dict(f="Priya", l="Sharma", o="Infosys", p="+91 80 2852 0261"), ("c", dict(f="Rahul", l="Verma", o="Infosys", p="+91 80 2852 0261"))),
 (D, dict(f="Linda", l="Park", o="Globex", e="info@globex.example"), ("c", dict(f="Kevin", l="Osei", o="Globex", e="info@globex.example"))),
 (D, dict(f="Jan", l="Novák", o="Škoda Auto"), ("c", dict(f="Jana", l="Nováková", o="Škoda Auto"))),
 (D, dict(f="Jon", l="Olsen", o="Equinor"), ("l", dict(f="Jan", l="Olsen", o="Equinor"))),
 (D, dict(f="Erik", l="Larsen", o="Novo Nordisk"), ("l", dict(f="Eric", l="Larson", o="Medtronic"))),
 (D, dict(f="Mohammed", l="Ali", o="Etisalat"), ("l", dict(f="Mohammed", l="Alam", o="Etisalat"))),
 (D, dict(f="Min-jun", l="Kim", o="LG Electronics"), ("l", dict(f="Min-ji", l="Kim", o="LG Electronics"))),
 (D, dict(f="Na", l="Li", o="Lenovo"), ("l", dict(f="Nan", l="Li", o="Lenovo"))),
 (D, dict(f="Michael", l="Johnson", o="Pfizer"), ("l", dict(f="Michelle", l="Johnson", o="Pfizer"))),
 (D, dict(f="Daniel", l="Rossi", o="Pirelli"), ("l", dict(f="Daniela", l="Rossi", o="Pirelli"))),
 (D, dict(f="Francis", l="Moreau", o="Capgemini"), ("l", dict(f="Frances", l="Moreau", o="Capgemini"))),
 (D, dict(f="Chris", l="Evans", o="Marvel Studios", e="chris.evans@marvel.example"), ("c", dict(f="Chris", l="Evans", o="BBC", e="chris.evans@bbc.example"))),
 (D, dict(f="Ahmed", l="Hassan", o="Vodafone Egypt"), ("l", dict(f="Ahmed", l="Hassan", o="Orange Egypt"))),
 (D, dict(f="Sophie", l="Bauer", o="Siemens", e="sophie.bauer@siemens.example"), ("c", dict(f="Sophia", l="Bauer", o="Siemens", e="sophia.bauer@siemens.example"))),
 (D, dict(f="Andrea", l="Colombo", o="UniCredit", e="andrea.colombo@unicredit.example"), ("c", dict(f="Andrea", l="Colombo", o="UniCredit", e="andrea.colombo2@unicredit.example"))),
 (D, dict(f="James", l="Wilson", p="+44 20 7946 0000"), ("c", dict(f="Sarah", l="Wilson", p="+44 20 7946 0000"))),
 (D, dict(f="Hiroshi", l="Tanaka", o="Sony"), ("l", dict(f="Hiroshi", l="Tanaka", o="Panasonic"))),
 (D, dict(f="Juan", l="Rodríguez", o="Mercado Libre"), ("l", dict(f="Juana", l="Rodríguez", o="Mercado Libre"))),
 (D, dict(f="Giulia", l="Romano", o="Intesa Sanpaolo", e="g.romano@intesa.example"), ("c", dict(f="Giulio", l="Romano", o="Intesa Sanpaolo", e="giulio.romano@intesa.example"))),
 (D, dict(f="Sean", l="Murphy", o="CRH"), ("l", dict(f="Shane", l="Murphy", o="CRH"))),
 (D, dict(f="Ana", l="Silva", o="Petrobras"), ("l", dict(f="Ana", l="Silva", o="Vale"))),
 (D, dict(f="Nguyen", l="Van An", o="FPT"), ("l", dict(f="Nguyen", l="Van Binh", o="FPT"))),
 (D, dict(f="Olga", l="Ivanova", o="Sber", p="+7 495 500 5550"), ("c", dict(f="Irina", l="Ivanova", o="Sber", p="+7 495 500 5550"))),
 (D, dict(f="Peter", l="Schmidt", o="SAP", e="peter.schmidt@sap.example"), ("c", dict(f="Petra", l="Schmidt", o="SAP", e="petra.schmidt@sap.example"))),
 (D, dict(f="Robert", l="Brown", o="Barclays"), ("l", dict(f="Roberta", l="Brown", o="Barclays"))),
 (D, dict(f="Kenji", l="Watanabe", e="k.watanabe@hitachi.example"), ("c", dict(f="Keiko", l="Watanabe", e="k.watanabe@hitachi.example", o="Hitachi"))),
 (D, dict(f="Aisha", l="Bello", o="Access Bank"), ("l", dict(f="Aisha", l="Bello", o="Zenith Bank"))),
 (D, dict(f="Carlos", l="Santos", o="Embraer", p="+55 12 3927 1000"), ("c", dict(f="Carla", l="Santos", o="Embraer", p="+55 12 3927 1000"))),
 (D, dict(f="Tom", l="Baker", o="Unilever", e="tom.baker@unilever.example"), ("c", dict(f="Tim", l="Baker", o="Unilever", e="tim.baker@unilever.example"))),
 (D, dict(f="Lena", l="Fischer", o="Allianz"), ("l", dict(f="Lena", l="Fischer", o="Munich Re"))),
 (D, dict(f="Samuel", l="Okoro", o="MTN Nigeria"), ("l", dict(f="Samuel", l="Okoro", o="Glo"))),
 # More scripts, orders and forms
 (S, dict(f="Taro", l="Yamada", o="Toyota", p="+81 90 1234 5678"), ("v", dict(f="タロウ", l="ヤマダ", p="090-1234-5678"))),
 (S, dict(n="Zhang Wei (David)", o="Lenovo", e="david.zhang@lenovo.example"), ("v", dict(f="David", l="Zhang", e="david.zhang@lenovo.example"))),
 (S, dict(n="David Zhang Wei", o="Lenovo"), ("l", dict(f="David", l="Zhang", o="Lenovo"))),
 (S, dict(f="Mohamed", l="Ali", o="Etisalat", p="+971 50 123 4567"), ("v", dict(f="محمد", l="علي", p="050 123 4567"))),
 (S, dict(f="Ahmed", l="Mansour", o="ADNOC", e="a.mansour@adnoc.example"), ("v", dict(f="أحمد", l="منصور", e="a.mansour@adnoc.example"))),
 (S, dict(n="William Henry Gates III", o="Microsoft"), ("l", dict(f="Bill", l="Gates", o="Microsoft"))),
 (S, dict(n="Davis Jr., Sammy", o="Rat Pack Inc"), ("l", dict(f="Sammy", l="Davis", o="Rat Pack Inc"))),
 (S, dict(f="Dr. Amara", l="Okafor", o="LUTH"), ("l", dict(f="Amara", l="Okafor", o="LUTH"))),
 (S, dict(f="Jean Pierre", l="Lambert", o="Total"), ("l", dict(f="Jean-Pierre", l="Lambert", o="TotalEnergies"))),
 (S, dict(f="Sarah", l="O'Connor", e="MAILTO:Sarah.OConnor@Example.ie"), ("v", dict(f="Sarah", l="O'Connor", e="sarah.oconnor@example.ie"))),
 (S, dict(f="Tom", l="Hughes", p="020 7946 0321", o="Barclays"), ("v", dict(f="Thomas", l="Hughes", p="+44 20 7946 0321"))),
 (S, dict(f="Kateryna", l="Bondarenko", o="Naftogaz"), ("l", dict(f="Ekaterina", l="Bondarenko", o="Naftogaz"))),
 (S, dict(f="Yevgeny", l="Kaspersky", o="Kaspersky Lab"), ("l", dict(f="Eugene", l="Kaspersky", o="Kaspersky"))),
 (S, dict(f="Nguyen Van", l="Minh", o="VNPT"), ("l", dict(f="Minh", l="Nguyen", o="VNPT"))),
 (S, dict(n="Nguyễn Văn Minh", o="Vingroup"), ("l", dict(f="Minh", l="Nguyen", o="Vingroup"))),
 (S, dict(f="Gaurav", l="Srivastava", o="Wipro"), ("l", dict(f="Gaurav", l="Shrivastava", o="Wipro"))),
 (S, dict(f="Mikael", l="Johansson", o="Ericsson"), ("l", dict(f="Michael", l="Johansson", o="Ericsson AB"))),
 (S, dict(f="Ioannis", l="Papadakis", o="OTE"), ("l", dict(f="Giannis", l="Papadakis", o="OTE Group"))),
 (S, dict(f="Ekaterina", l="Sokolova", o="VK"), ("l", dict(f="Katya", l="Sokolova", o="VK"))),
 (S, dict(f="Jiří", l="Dvořák", o="ČEZ"), ("l", dict(f="Jiri", l="Dvorak", o="CEZ"))),
 (S, dict(f="Hyun-woo", l="Park", o="Hyundai", e="hw.park@hyundai.example"), ("v", dict(f="Hyunwoo", l="Park", e="hw.park@hyundai.example"))),
 (S, dict(f="Abdul Rahman", l="Khalid", o="QNB"), ("l", dict(f="Abdulrahman", l="Khalid", o="QNB"))),
 (S, dict(f="Mary-Kate", l="Olsen", o="Dualstar"), ("l", dict(f="Marykate", l="Olsen", o="Dualstar"))),
 (S, dict(f="Siddharth", l="Iyer", e="sid.iyer@tcs.example", o="TCS"), ("v", dict(f="Sid", l="Iyer", e="sid.iyer@tcs.example"))),
 (D, dict(f="Wei", l="Zhang", o="Lenovo", e="wei.zhang@lenovo.example"), ("c", dict(f="Wei", l="Zhang", o="Lenovo", e="wei.zhang2@lenovo.example"))),
 (D, dict(f="Mohamed", l="Ali", o="Etisalat", p="+971 50 123 4567"), ("c", dict(f="Mohamed", l="Ali", o="du", p="+971 55 765 4321"))),
 (D, dict(f="Ioannis", l="Papadakis", o="OTE"), ("l", dict(f="Georgios", l="Papadakis", o="OTE"))),
 (D, dict(n="Kim Min-jun", o="Samsung"), ("l", dict(f="Min-seo", l="Kim", o="Samsung"))),
 # Prefixes written apart, spellings of other languages, extensions, forms of one firm
 (S, dict(f="Giovanni", l="D'Angelo", o="Leonardo SpA"), ("l", dict(f="Giovanni", l="DAngelo", o="Leonardo"))),
 (S, dict(f="Karim", l="Al-Sayed", o="CIB Egypt", p="+20 122 345 6789"), ("v", dict(f="Karim", l="El-Sayed", p="01223456789"))),
 (S, dict(f="Omar", l="Al Farsi", o="Omantel"), ("l", dict(f="Omar", l="Alfarsi", o="Omantel"))),
 (S, dict(f="Pieter", l="Dijkstra", o="ASML"), ("l", dict(f="Pieter", l="Dykstra", o="ASML"))),
 (S, dict(f="Åsa", l="Lindström", o="IKEA"), ("l", dict(f="Aasa", l="Lindstroem", o="IKEA"))),
 (S, dict(f="Jørgen", l="Jørgensen", o="Carlsberg"), ("l", dict(f="Joergen", l="Joergensen", o="Carlsberg"))),
 (S, dict(f="Johann", l="Strauß", o="Wiener Staatsoper"), ("l", dict(f="Johann", l="Strauss", o="Wiener Staatsoper"))),
 (S, dict(n="José Ortega y Gasset", o="Revista de Occidente"), ("l", dict(f="José", l="Ortega", o="Revista de Occidente"))),
 (S, dict(n="Maria dos Santos", o="Itaú"), ("l", dict(f="Maria", l="Santos", o="Itau Unibanco"))),
 (S, dict(f="Angus", l="Mc Donald", o="Diageo"), ("l", dict(f="Angus", l="McDonald", o="Diageo"))),
 (S, dict(f="Niamh", l="O Brien", o="Bank of Ireland"), ("l", dict(f="Niamh", l="O'Brien", o="Bank of Ireland"))),
 (S, dict(n="Prof. Dr. Hans-Werner Sinn", o="ifo Institut"), ("l", dict(f="Hans-Werner", l="Sinn", o="ifo Institut"))),
 (S, dict(n="Park Ji-sung", o="Hyundai Motor"), ("l", dict(f="Jisung", l="Park", o="Hyundai Motor"))),
 (S, dict(f="R.", l="Venkataraman", o="Infosys", e="r.venkataraman@infosys.example"), ("v", dict(f="Ramaswamy", l="Venkataraman", e="r.venkataraman@infosys.example"))),
 (S, dict(n='Robert "Bob" Kessler', o="Kessler Freight"), ("l", dict(f="Bob", l="Kessler", o="Kessler Freight"))),
 (S, dict(f="Yitzhak", l="Rosen", o="Teva", p="+972 52 123 4567"), ("v", dict(f="Itzhak", l="Rosen", p="052-123-4567"))),
 (S, dict(f="Yitzhak", l="Levi", o="Elbit Systems"), ("l", dict(f="Isaac", l="Levi", o="Elbit Systems"))),
 (S, dict(f="Lars", l="Nilsson", e="lars.nilsson@gmail.com", p="+46 70 555 12 34"), ("c", dict(f="Lars", l="Nilsson", o="Scania", e="lars.nilsson@scania.example", p="070-555 12 34"))),
 (S, dict(f="Emma", l="Thompson", o="BBC", p="+44 20 7946 0958 ext. 214"), ("v", dict(f="Emma", l="Thompson", p="+44 20 7946 0958"))),
 (S, dict(n="Wei Chen", o="ByteDance", e="chen.wei@bytedance.example"), ("v", dict(n="Chen Wei", e="chen.wei@bytedance.example"))),
 (S, dict(f="Thabo", l="Mokoena", o="Standard Bank", e="Thabo.Mokoena@standardbank.example"), ("c", dict(f="Thabo", l="Mokoena", o="Standard Bank Group", e="thabo.mokoena@standardbank.example"))),
 (S, dict(f="Kristóf", l="Szabó", o="OTP Bank"), ("l", dict(f="Kristof", l="Szabo", o="OTP"))),
 (S, dict(f="Ngozi", l="Okonjo-Iweala", o="WTO"), ("l", dict(f="Ngozi", l="Okonjo Iweala", o="World Trade Organization"))),
 (S, dict(f="Ana María", l="Rodríguez", o="Ecopetrol"), ("l", dict(f="Ana", l="Rodríguez", o="Ecopetrol", e="anamaria.rodriguez@ecopetrol.example"))),
 (S, dict(f="Sebastián", l="Piñera", o="Bancard", e="spinera@bancard.example"), ("v", dict(f="Sebastian", l="Pinera", e="SPinera@Bancard.example"))),
 (D, dict(f="José", l="García", o="Santander", e="jose.garcia@santander.example", p="+34 600 111 222"), ("c", dict(f="José", l="García", o="Santander", e="jose.garcia2@santander.example", p="+34 600 333 444"))),
 (D, dict(f="Wei", l="Wang", o="Baidu"), ("l", dict(f="Wang", l="Wei", o="JD.com"))),
 (D, dict(n="Lee Min-ho", o="CJ Group"), ("l", dict(f="Min-ji", l="Lee", o="CJ Group"))),
 (D, dict(f="Karim", l="Al-Sayed", o="CIB Egypt", e="k.alsayed@cib.example"), ("c", dict(f="Kamal", l="Al-Sayed", o="CIB Egypt", e="kamal.alsayed@cib.example"))),
 (D, dict(f="Hans", l="Müller", o="Bosch", e="hans.mueller@bosch.example"), ("c", dict(f="Hans", l="Müller", o="Siemens", e="hans.mueller@siemens.example"))),
 (D, dict(f="Anna", l="Kowalska", o="Orlen", p="+48 601 111 222"), ("c", dict(f="Anna", l="Kowalska", o="Orlen", p="+48 601 333 444"))),
 (D, dict(f="Ivan", l="Petrov", o="Lukoil", e="ivan.petrov@lukoil.example"), ("c", dict(f="Ivan", l="Petrova", o="Lukoil", e="i.petrova@lukoil.example"))),
 (D, dict(f="Sam", l="Taylor", o="Deloitte", e="sam.taylor@deloitte.example"), ("c", dict(f="Samantha", l="Taylor", o="Deloitte", e="samantha.taylor@deloitte.example"))),
 (D, dict(f="Chris", l="Martin", o="Coldplay Ltd"), ("l", dict(f="Christine", l="Martin", o="Coldplay Ltd"))),
 (D, dict(f="Alex", l="Schneider", o="Zalando", e="alex.schneider@zalando.example"), ("c", dict(f="Alexandra", l="Schneider", o="Zalando", e="alexandra.schneider@zalando.example"))),
 # Written later, each pair before rolo was run on it: academic and professional titles of
 # many countries, Greek script, Polish diminutives, names typed family first into one field,
 # inflected family names, and beside them namesakes of common names of many countries.
 (S, dict(n="Müller, Hans", o="Bosch"), ("l", dict(f="Hans", l="Mueller", o="Bosch GmbH"))),
 (S, dict(n="Dr. med. Hans-Peter Müller", o="Charité"), ("l", dict(f="Hans-Peter", l="Mueller", o="Charite"))),
 (S, dict(f="María José", l="García-Pérez", o="Iberdrola"), ("l", dict(f="Maria Jose", l="Garcia Perez", o="Iberdrola"))),
 (S, dict(f="Siobhán", l="O'Neill", o="AIB"), ("l", dict(f="Siobhan", l="ONeill", o="AIB"))),
 (S, dict(n="van der Berg, Jan", o="Rabobank"), ("l", dict(f="Jan", l="van der Berg", o="Rabobank"))),
 (S, dict(f="Pieter", l="Van Der Meer", o="ASML"), ("l", dict(f="Pieter", l="van der Meer", o="ASML Holding"))),
 (S, dict(n="Lee, Min-ho", o="Samsung"), ("l", dict(f="Minho", l="Lee", o="Samsung Electronics"))),
 (S, dict(f="Søren", l="Kierkegaard", o="Maersk"), ("l", dict(f="Soren", l="Kierkegaard", o="A.P. Moller - Maersk"))),
 (S, dict(f="Zoë", l="Dupré", o="L'Oréal"), ("l", dict(f="Zoe", l="Dupre", o="L'Oreal"))),
 (S, dict(f="Thomas", l="Müller", o="SAP", e="thomas.mueller@sap.example"), ("v", dict(f="Tom", l="Muller", e="Thomas.Mueller@SAP.example"))),
 (S, dict(f="Aleksandra", l="Kowalska", o="PZU", p="+48 601 555 777"), ("v", dict(f="Ola", l="Kowalska", p="601555777"))),
 (S, dict(f="Małgorzata", l="Nowak", o="mBank", e="m.nowak@mbank.example"), ("v", dict(f="Gosia", l="Nowak", e="m.nowak@mbank.example"))),
 (S, dict(f="Jürgen", l="Schäfer", o="BASF"), ("l", dict(f="Juergen", l="Schaefer", o="BASF SE"))),
 (S, dict(f="Björn", l="Öberg", o="Volvo"), ("l", dict(f="Bjorn", l="Oberg", o="Volvo Cars"))),
 (S, dict(f="François", l="Lefèvre", o="Société Générale"), ("l", dict(f="Francois", l="Lefevre", o="Societe Generale"))),
 (S, dict(f="Ngozi", l="Adeyemi", o="Flutterwave", p="+234 803 123 4567"), ("v", dict(f="Ngozi", l="Adeyemi", p="0803 123 4567"))),
 (S, dict(f="Tomás", l="Ó Briain", o="Bord Gáis"), ("l", dict(f="Tomas", l="O Briain", o="Bord Gais Energy"))),
 (S, dict(f="Kateřina", l="Dvořáková", o="Škoda"), ("l", dict(f="Katerina", l="Dvorakova", o="Skoda Auto"))),
 (S, dict(f="Ahmet", l="Yılmaz", o="Turkcell"), ("l", dict(f="Ahmet", l="Yilmaz", o="Turkcell"))),
 (S, dict(n="Sato Takeshi", o="Toyota"), ("l", dict(f="Takeshi", l="Sato", o="Toyota Motor"))),
 (S, dict(f="Pedro", l="de la Cruz", o="Repsol"), ("l", dict(f="Pedro", l="De La Cruz", o="Repsol"))),
 (S, dict(f="Isabel", l="dos Santos", o="Unitel"), ("l", dict(f="Isabel", l="Dos Santos", o="Unitel"))),
 (S, dict(f="Giuseppe", l="D'Angelo", o="Enel"), ("l", dict(f="Giuseppe", l="DAngelo", o="Enel SpA"))),
 (S, dict(f="Sean", l="MacDonald", o="BT"), ("l", dict(f="Seán", l="Mac Donald", o="BT Group"))),
 (D, dict(f="Jan", l="Kowalski", o="PKO", p="+48 601 100 200"), ("c", dict(f="Jan", l="Kowalski", o="PKN Orlen", p="+48 601 300 400"))),
 (D, dict(f="Maria", l="Garcia", o="Iberdrola"), ("l", dict(f="Mario", l="Garcia", o="Iberdrola"))),
 (D, dict(f="Daniel", l="Schmidt", o="Siemens"), ("l", dict(f="Daniela", l="Schmidt", o="Siemens"))),
 (D, dict(f="Ji-hoon", l="Kim", o="LG"), ("l", dict(f="Ji-woo", l="Kim", o="LG"))),
 (D, dict(f="Pavel", l="Novák", o="ČEZ"), ("l", dict(f="Pavla", l="Nováková", o="ČEZ"))),
 (D, dict(f="Hans", l="Müller", o="Bosch"), ("l", dict(f="Hanna", l="Müller", o="Bosch"))),
 (D, dict(f="Andrea", l="Rossi", o="Enel", e="andrea.rossi@enel.example"), ("c", dict(f="Andrea", l="Rossi", o="Enel", e="andrea.rossi2@enel.example"))),
 (D, dict(f="Mohammed", l="Khan", o="HSBC"), ("l", dict(f="Mohammed", l="Khan", o="Barclays"))),
 (D, dict(f="Li", l="Wei", o="Huawei"), ("l", dict(f="Li", l="Wen", o="Huawei"))),
 (D, dict(f="Jean", l="Martin", o="AXA", e="jean.martin@axa.example"), ("c", dict(f="Jeanne", l="Martin", o="AXA", e="jeanne.martin@axa.example"))),
 (S, dict(n="Prof. Dr. Klaus Schwab", o="WEF"), ("l", dict(f="Klaus", l="Schwab", o="World Economic Forum"))),
 (S, dict(n="Mag. Elisabeth Gruber", o="Erste Bank"), ("l", dict(f="Elisabeth", l="Gruber", o="Erste Group"))),
 (S, dict(n="Ing. Jan Novák, Ph.D.", o="ČEZ"), ("l", dict(f="Jan", l="Novak", o="CEZ Group"))),
 (S, dict(n="Sheikh Mohammed Al Maktoum", o="Emirates"), ("l", dict(f="Mohammed", l="Al Maktoum", o="Emirates Group"))),
 (S, dict(f="Mohamed", l="El-Sayed", o="CIB"), ("l", dict(f="Mohammed", l="Elsayed", o="CIB Egypt"))),
 (S, dict(f="Yevgeniy", l="Shevchenko", o="Naftogaz", p="+380 67 123 4567"), ("v", dict(f="Женя", l="Шевченко", p="067 123 4567"))),
 (S, dict(f="Ioannis", l="Georgiou", o="Piraeus Bank", e="i.georgiou@piraeus.example"), ("v", dict(f="Γιάννης", l="Γεωργίου", e="i.georgiou@piraeus.example"))),
 (S, dict(f="Takeshi", l="Yamada", o="Sony", e="t.yamada@sony.example"), ("v", dict(n="山田 武", e="t.yamada@sony.example"))),
 (S, dict(f="Xiaoming", l="Li", o="Tencent", p="+86 138 0013 8000"), ("v", dict(f="小明", l="李", p="138 0013 8000"))),
 (S, dict(f="Seung-hoon", l="Park", o="Hyundai", e="sh.park@hyundai.example"), ("v", dict(f="Seunghoon", l="Bak", e="sh.park@hyundai.example"))),
 (S, dict(f="Joseph", l="Nguyen", o="Intel", e="joseph.nguyen@intel.example"), ("v", dict(f="Joe", l="Nguyen", e="joseph.nguyen@intel.example"))),
 (S, dict(f="Marie-Claire", l="Dubois", o="BNP Paribas"), ("l", dict(f="Marie Claire", l="Dubois", o="BNP Paribas"))),
 (S, dict(f="Anne-Sophie", l="Mutter", o="DG"), ("l", dict(f="Anne Sophie", l="Mutter", o="Deutsche Grammophon"))),
 (S, dict(f="Ana", l="Souza", o="Itaú", e="ana.souza@itau.example"), ("c", dict(f="Ana Paula", l="Souza", o="Itau Unibanco", e="ana.souza@itau.example"))),
 (S, dict(f="Sven", l="Göransson", o="IKEA"), ("l", dict(f="Sven", l="Goeransson", o="IKEA"))),
 (S, dict(f="Rajesh", l="Kumar", o="Infosys", e="rajesh.kumar07@infosys.example"), ("c", dict(f="Rajesh", l="Kumar", o="Infosys Ltd", e="Rajesh.Kumar07@infosys.example"))),
 (S, dict(f="Priya", l="Venkataraman", o="TCS"), ("l", dict(f="Priya", l="Venkatraman", o="Tata Consultancy Services"))),
 (S, dict(f="Olumide", l="Okonkwo", o="Dangote", p="+234 802 555 1212"), ("v", dict(f="Olu", l="Okonkwo", p="08025551212"))),
 (D, dict(f="Priya", l="Sharma", o="Infosys", e="priya.sharma@infosys.example"), ("c", dict(f="Priya", l="Sharma", o="Infosys", e="priya.sharma1@infosys.example"))),
 (D, dict(f="Ji-hoon", l="Park", o="Hyundai", e="jh.park@hyundai.example"), ("c", dict(f="Ji-hoon", l="Park", o="Kia", e="jihoon.park@kia.example"))),
 (D, dict(f="Mohammed", l="Ali", o="Aramco", p="+966 50 111 2222"), ("v", dict(f="Mohammed", l="Ali", p="+966 55 333 4444"))),
 (D, dict(f="Wei", l="Zhang", o="Alibaba", e="wei.zhang@alibaba.example"), ("c", dict(f="Wei", l="Zhang", o="Alibaba", e="zhang.wei2@alibaba.example"))),
 (D, dict(f="Aleksandr", l="Ivanov", o="Sberbank"), ("l", dict(f="Aleksandra", l="Ivanova", o="Sberbank"))),
 (D, dict(f="Jan", l="de Jong", o="ING"), ("l", dict(f="Jan", l="de Jong", o="ABN AMRO"))),
 (D, dict(f="Giulia", l="Romano", o="Generali", e="giulia.romano@generali.example"), ("c", dict(f="Giulio", l="Romano", o="Generali", e="giulio.romano@generali.example"))),
 (S, dict(f="Katarzyna", l="Lewandowska", o="Allegro", e="k.lewandowska@allegro.example"), ("v", dict(f="Kasia", l="Lewandowska", e="K.Lewandowska@Allegro.example"))),
 (S, dict(f="Guillaume", l="Lefèvre-Dupont", o="Capgemini"), ("l", dict(f="Guillaume", l="Lefevre Dupont", o="Capgemini SE"))),
 (S, dict(f="Juan Carlos", l="Rodríguez Zapatero", o="Telefónica", p="+34 612 000 111"), ("v", dict(f="Juan Carlos", l="Rodríguez", p="612000111"))),
 (S, dict(f="Mehmet", l="Öztürk", o="Koç Holding"), ("l", dict(f="Mehmet", l="Ozturk", o="Koc Holding"))),
 (S, dict(f="Nikolaos", l="Papadopoulos", o="Alpha Bank", p="+30 694 123 4567"), ("v", dict(f="Νίκος", l="Παπαδόπουλος", p="694 123 4567"))),
 (S, dict(f="Vasileios", l="Konstantinou", o="OTE"), ("l", dict(f="Vasilis", l="Konstantinou", o="OTE Group"))),
 (S, dict(f="Krzysztof", l="Zieliński", o="Orlen", e="krzysztof.zielinski@orlen.example"), ("c", dict(f="Krzysiek", l="Zielinski", o="PKN Orlen", e="krzysztof.zielinski@orlen.example"))),
 (S, dict(n="Tanaka Hiroshi", o="Hitachi"), ("l", dict(f="Hiroshi", l="Tanaka", o="Hitachi Ltd"))),
 (S, dict(f="Ahmed", l="Hassan", o="Orascom", p="+20 100 123 4567"), ("v", dict(f="Ahmad", l="Hasan", p="0100 123 4567"))),
 (S, dict(f="Stefan", l="Müller-Lüdenscheidt", o="Allianz"), ("l", dict(f="Stefan", l="Mueller-Luedenscheidt", o="Allianz SE"))),
 (S, dict(f="Pierre-Yves", l="Le Gall", o="Orange"), ("l", dict(f="Pierre Yves", l="Le Gall", o="Orange SA"))),
 (S, dict(n="Prof. Dr. med. Karl Lauterbach", o="Charité"), ("l", dict(f="Karl", l="Lauterbach", o="Charite"))),
 (S, dict(f="Olga", l="Petrova", o="Gazprom", e="o.petrova@gazprom.example"), ("v", dict(f="Ольга", l="Петрова", e="o.petrova@gazprom.example"))),
 (S, dict(f="Svetlana", l="Kuznetsova", o="Sber", p="+7 916 222 33 44"), ("v", dict(f="Sveta", l="Kuznetsova", p="8 916 222-33-44"))),
 (S, dict(f="Elżbieta", l="Wójcik", o="PZU"), ("l", dict(f="Ela", l="Wojcik", o="PZU SA"))),
 (D, dict(f="Tomasz", l="Wójcik", o="PZU", e="t.wojcik@pzu.example"), ("c", dict(f="Tomasz", l="Wójcik", o="mBank", e="tomasz.wojcik@mbank.example"))),
 (D, dict(f="Nikos", l="Papadopoulos", o="Alpha Bank", p="+30 694 111 2222"), ("v", dict(f="Νίκος", l="Παπαδόπουλος", p="694 333 4444"))),
 (D, dict(f="Eleni", l="Georgiou", o="OTE"), ("l", dict(f="Elena", l="Georgiou", o="Cosmote"))),
 (D, dict(f="Oleksandr", l="Shevchenko", o="Naftogaz"), ("l", dict(f="Oleksandra", l="Shevchenko", o="Naftogaz"))),
 (D, dict(f="Hiroshi", l="Tanaka", o="Hitachi", e="h.tanaka@hitachi.example"), ("c", dict(f="Hiroshi", l="Tanaka", o="Toshiba", e="hiroshi.tanaka@toshiba.example"))),
 (S, dict(f="Priya", l="D'Souza", o="Wipro"), ("l", dict(f="Priya", l="Dsouza", o="Wipro Ltd"))),
 (S, dict(f="Oliver", l="St. John", o="Barclays"), ("l", dict(f="Oliver", l="Saint John", o="Barclays"))),
 (S, dict(f="José", l="Ortega y Gasset", o="Prisa"), ("l", dict(f="Jose", l="Ortega", o="Grupo Prisa"))),
 (S, dict(f="Emma", l="Thompson", o="BBC", p="+44 (0) 7700 900456"), ("v", dict(f="Emma", l="Thompson", p="0044 7700 900456"))),
 (S, dict(f="Lars", l="Løkke", o="Equinor", e="lars.lokke@equinor.example"), ("v", dict(f="Lars", l="Loekke", e="LARS.LOKKE@EQUINOR.EXAMPLE"))),
 (S, dict(f="Carlos", l="Slim Helú", o="América Móvil"), ("l", dict(f="Carlos", l="Slim", o="America Movil"))),
 (S, dict(f="Jennifer", l="Smith", o="Acme", e="jen.smith@acme.example"), ("v", dict(f="Jenny", l="Smith", e="jen.smith@acme.example"))),
 (S, dict(f="Wolfgang", l="Schäuble", o="Bundestag", e="w.schaeuble@bundestag.example"), ("c", dict(f="Wolfgang", l="Schauble", o="Deutscher Bundestag", e="w.schaeuble@bundestag.example"))),
 (S, dict(f="Ali", l="Reza Ahmadi", o="MTN Irancell"), ("l", dict(f="Alireza", l="Ahmadi", o="MTN Irancell"))),
 (S, dict(f="Abdulrahman", l="Al Saud", o="SABIC", p="+966 55 123 4567"), ("v", dict(f="Abdul Rahman", l="Al-Saud", p="0551234567"))),
 (S, dict(f="Hyun-woo", l="Kim", o="Naver", e="hw.kim@naver.example"), ("v", dict(n="김현우", e="hw.kim@naver.example"))),
 (S, dict(f="Anastasia", l="Ivanova", o="Yandex", p="+7 925 123 45 67"), ("v", dict(f="Nastya", l="Ivanova", p="8 (925) 123-45-67"))),
 (S, dict(f="Gonçalo", l="Conceição", o="EDP"), ("l", dict(f="Goncalo", l="Conceicao", o="EDP Energias de Portugal"))),
 (S, dict(f="Maximilian", l="von Habsburg", o="Porsche"), ("l", dict(f="Max", l="Habsburg", o="Porsche AG"))),
 (D, dict(f="Jennifer", l="Smith", o="Acme", e="jennifer.smith@acme.example"), ("c", dict(f="Jennifer", l="Smith", o="Acme", e="jennifer.smith2@acme.example"))),
 (D, dict(f="Oliver", l="Saint", o="Barclays"), ("l", dict(f="Olivia", l="Saint", o="Barclays"))),
 (D, dict(f="Hyun-woo", l="Kim", o="Naver"), ("l", dict(f="Hyun-woo", l="Kim", o="Kakao"))),
 (S, dict(f="Hannah", l="Okoro", p="+1 (415) 555-0187 x204"), ("v", dict(f="Hannah", l="Okoro", p="415.555.0187 ext 204"))),
 (S, dict(f="Lukas", l="Brandt", p="+49 (0)30 1234567"), ("v", dict(f="Lukas", l="Brandt", p="030 1234567"))),
 (S, dict(f="Chloé", l="Martin", o="Danone", p="+33 6 12 34 56 78"), ("v", dict(f="Chloe", l="Martin", p="06.12.34.56.78"))),
 (S, dict(f="Sanjay", l="Gupta", o="HCL", p="+91 98765 43210"), ("v", dict(f="Sanjay", l="Gupta", p="098765 43210"))),
 (S, dict(f="Mei", l="Tanaka", o="Rakuten", p="+81 90-1234-5678"), ("v", dict(f="Mei", l="Tanaka", p="090-1234-5678"))),
 (S, dict(f="Isabella", l="Costa", o="Natura", p="+55 11 91234-5678"), ("v", dict(f="Isabella", l="Costa", p="(11) 91234-5678"))),
 (S, dict(f="Jack", l="Wilson", o="Atlassian", p="+61 412 345 678"), ("v", dict(f="Jack", l="Wilson", p="0412 345 678"))),
 (S, dict(f="Fatima", l="Zahra", o="OCP", e="fatima.zahra@ocp.example"), ("v", dict(f="Fatima", l="Zahra", e="fatima.zahra@ocp.example "))),
 (S, dict(f="Noah", l="Levy", o="Wix", e="noah.levy@wix.example"), ("v", dict(f="Noah", l="Levy", e="Noah Levy <noah.levy@wix.example>"))),
 (S, dict(f="Ingrid", l="Berg", o="DNB", e="ingrid.berg@dnb.example"), ("c", dict(f="Ingrid", l="Berg", o="DNB", e="mailto:ingrid.berg@dnb.example"))),
 (S, dict(f="Tom", l="Baker", o="Arm", e="tom.baker@gmail.com"), ("v", dict(f="Thomas", l="Baker", e="tombaker@googlemail.com"))),
 (D, dict(f="Hannah", l="Okoro", o="Stripe", p="+1 415 555 0100 x204"), ("c", dict(f="Hannah", l="Okafor", o="Stripe", p="+1 415 555 0100 x209"))),
 (D, dict(f="Jack", l="Wilson", o="Atlassian", p="+61 412 345 678"), ("c", dict(f="Jill", l="Wilson", o="Atlassian", p="+61 412 345 678"))),
 (S, dict(n="MÜLLER Hans-Jürgen", o="Bosch"), ("l", dict(f="Hans-Jürgen", l="Müller", o="Bosch"))),
 (S, dict(n="de la Fuente, María", o="Inditex"), ("l", dict(f="María", l="de la Fuente", o="Inditex"))),
 (S, dict(n="Ana de la Cruz Ortiz", o="Repsol"), ("l", dict(f="Ana", l="de la Cruz", o="Repsol SA"))),
 (S, dict(n="Nguyen Thi Lan", o="Viettel"), ("l", dict(f="Lan", l="Nguyen", o="Viettel Group"))),
 (S, dict(n="Mao Zedong", o="CPC"), ("v", dict(n="毛泽东"))),
 (S, dict(f="Renée", l="Zellweger-Smith", o="Netflix", e="renee.zellweger@netflix.example"), ("v", dict(f="Renee", l="Zellweger", e="renee.zellweger@netflix.example"))),
 (S, dict(f="Yusuf", l="İnan", o="Turkcell"), ("l", dict(f="Yusuf", l="Inan", o="Turkcell"))),
 (S, dict(f="Ole Gunnar", l="Solskjær", o="Molde FK"), ("l", dict(f="Ole", l="Solskjaer", o="Molde"))),
 (S, dict(n="Hon. Jacinda Ardern", o="Parliament NZ"), ("l", dict(f="Jacinda", l="Ardern", o="Parliament NZ"))),
 (S, dict(f="Alexander", l="Mc Kenzie", o="Aviva"), ("l", dict(f="Alex", l="McKenzie", o="Aviva plc"))),
 (D, dict(n="Nguyen Thi Lan", o="Viettel"), ("l", dict(f="Lan", l="Tran", o="Viettel"))),
 (D, dict(f="Ole", l="Hansen", o="Equinor"), ("l", dict(f="Ola", l="Hansen", o="Equinor"))),
 # Written later, each pair before rolo was run on it: Irish, Hungarian, Turkish, Arabic,
 # Hebrew, Spanish, Italian, Dutch, Russian and Ukrainian forms; Chinese, Japanese and Korean
 # names in both orders and romanizations; apostrophes; and beside them a man's and a woman's
 # name, relatives sharing a number or an address, an assistant's address, namesakes.
 (S, dict(f="Seán", l="Ó Briain", o="Bord Bia", e="sean.obriain@bordbia.example"), ("v", dict(f="Sean", l="O Briain", e="sean.obriain@bordbia.example"))),
 (S, dict(f="Siobhán", l="Ní Dhomhnaill", o="RTÉ"), ("l", dict(f="Siobhan", l="Ni Dhomhnaill", o="RTE"))),
 (S, dict(n="KOVÁCS Péter", o="MOL Group"), ("l", dict(f="Péter", l="Kovács", o="MOL Group"))),
 (S, dict(f="Işıl", l="Yıldız", o="Arçelik"), ("l", dict(f="Isil", l="Yildiz", o="Arcelik"))),
 (S, dict(f="Abdul Rahman", l="Al-Saud", o="SABIC", p="+966 55 987 6543"), ("v", dict(f="Abdulrahman", l="Alsaud", p="055 987 6543"))),
 (S, dict(f="Abd al-Aziz", l="Mansour", p="+971 50 765 4321"), ("v", dict(f="Abdulaziz", l="Mansour", p="050 765 4321"))),
 (S, dict(f="Yitzhak", l="Levi", o="Teva", p="+972 52 123 4567"), ("v", dict(f="Itzik", l="Levi", p="052-123-4567"))),
 (S, dict(f="Guillermo", l="Ruiz", o="Bimbo", p="+52 55 1234 5678"), ("v", dict(f="Memo", l="Ruiz", p="55 1234 5678"))),
 (S, dict(f="Enrique", l="Vargas", o="Iberdrola", e="evargas@iberdrola.example"), ("v", dict(f="Quique", l="Vargas", e="evargas@iberdrola.example"))),
 (S, dict(f="Salvatore", l="Greco", o="Barilla", p="+39 347 765 4321"), ("v", dict(f="Totò", l="Greco", p="347 7654321"))),
 (S, dict(f="Maximilian", l="Braun", o="Zalando"), ("l", dict(f="Max", l="Braun", o="Zalando SE"))),
 (S, dict(f="Johannes", l="van den Berg", o="ASML", e="jan.vandenberg@asml.example"), ("v", dict(f="Jan", l="van den Berg", e="jan.vandenberg@asml.example"))),
 (S, dict(f="Jean-Baptiste", l="Moreau", o="Michelin", e="jb.moreau@michelin.example"), ("c", dict(f="JB", l="Moreau", o="Michelin", e="jb.moreau@michelin.example"))),
 (S, dict(f="Ekaterina", l="Sokolova", o="Gazprom Neft", p="+7 916 765 43 21"), ("v", dict(f="Katya", l="Sokolova", p="8 916 765-43-21"))),
 (S, dict(f="Oleksandr", l="Kovalenko", o="Nova Poshta"), ("l", dict(f="Aleksandr", l="Kovalenko", o="Nova Poshta"))),
 (S, dict(f="Tai Man", l="Chan", o="HSBC", e="taiman.chan@hsbc.example"), ("v", dict(n="Chan Tai Man", e="taiman.chan@hsbc.example"))),
 (S, dict(f="Ryōta", l="Itō", o="Sony", e="ryota.ito@sony.example"), ("v", dict(f="Ryota", l="Ito", e="ryota.ito@sony.example"))),
 (S, dict(f="Yuuki", l="Satou", o="Hitachi"), ("l", dict(f="Yūki", l="Satō", o="Hitachi"))),
 (S, dict(n="Park Ji-hoon", o="LG Electronics", p="+82 10 9876 5432"), ("v", dict(f="Jihoon", l="Park", p="010-9876-5432"))),
 (S, dict(f="Mary-Kate", l="O'Sullivan", o="Kerry Group"), ("l", dict(f="Marykate", l="OSullivan", o="Kerry Group plc"))),
 (S, dict(f="Lorenzo", l="D'Angelo", o="Pirelli"), ("l", dict(f="Lorenzo", l="DAngelo", o="Pirelli"))),
 (S, dict(f="Elżbieta", l="Wójcik", o="PKO Bank Polski", p="+48 601 234 567"), ("v", dict(f="Ela", l="Wojcik", p="601 234 567"))),
 (S, dict(f="Bartholomew", l="Quigley", o="Aon", e="bart.quigley@aon.example"), ("v", dict(f="Bart", l="Quigley", e="bart.quigley@aon.example"))),
 (S, dict(f="Thomas", l="Nkemelu", o="Dangote"), ("l", dict(f="Tom", l="Nkemelu", o="Dangote Group"))),
 (D, dict(f="Maria", l="Rossi", o="Generali", e="maria.rossi@generali.example"), ("c", dict(f="Mario", l="Rossi", o="Generali", e="mario.rossi@generali.example"))),
 (D, dict(f="Daniel", l="Cohen", o="Google"), ("l", dict(f="Daniel", l="Cohen", o="Microsoft"))),
 (D, dict(n="Li Wei", o="Tencent"), ("l", dict(f="Wei", l="Li", o="Baidu"))),
 (D, dict(f="John", l="Smith", e="smithfamily@gmail.com"), ("v", dict(f="Jane", l="Smith", e="smithfamily@gmail.com"))),
 (D, dict(f="Mark", l="Kelly", o="NASA", p="+1 281 555 0100"), ("v", dict(f="Scott", l="Kelly", p="(281) 555-0100"))),
 (D, dict(f="Ahmed", l="Hassan", o="Etisalat", p="+20 100 123 4567"), ("v", dict(f="Ahmed", l="Hassan", o="Vodafone Egypt", p="+20 122 765 4321"))),
 (D, dict(f="José Luis", l="Rodríguez", o="Santander"), ("l", dict(f="José", l="Rodríguez", o="Mapfre"))),
 (D, dict(n="Nguyen Van An", o="FPT"), ("l", dict(f="Binh", l="Nguyen", o="FPT"))),
 (D, dict(n="Kim Min-jun", o="Hyundai"), ("l", dict(f="Min-seo", l="Kim", o="Hyundai"))),
 (D, dict(f="Christian", l="Meyer", o="Allianz"), ("l", dict(f="Christina", l="Meyer", o="Allianz"))),
 (D, dict(f="Eric", l="Chen", o="TSMC"), ("l", dict(f="Erica", l="Chen", o="TSMC"))),
 (D, dict(f="Frank", l="Miller", o="Dell"), ("l", dict(f="Frank", l="Müller", o="SAP"))),
 (D, dict(f="Patrick", l="O'Brien", o="Ryanair"), ("l", dict(f="Patricia", l="O'Brien", o="Ryanair"))),
 (D, dict(f="Jennifer", l="Lopez", o="Nuyorican", e="jlo@nuyorican.example"), ("c", dict(f="Maria", l="Garcia", o="Nuyorican", e="jlo@nuyorican.example"))),
 (D, dict(f="Hiroshi", l="Tanaka", p="+81 3 1234 5678"), ("v", dict(f="Yuki", l="Tanaka", p="03-1234-5678"))),
 (D, dict(f="Cal", l="Ripken Jr.", o="Orioles"), ("l", dict(f="Cal", l="Ripken Sr.", o="Orioles"))),
 (D, dict(f="Jan", l="Nowak", o="Orlen"), ("l", dict(f="Jana", l="Nowak", o="Orlen"))),
 (D, dict(f="Aleksandra", l="Wiśniewska", o="CD Projekt"), ("l", dict(f="Aleksander", l="Wiśniewski", o="CD Projekt"))),
 (D, dict(f="Mohammed", l="Ali", o="Qatar Airways"), ("l", dict(f="Ali", l="Mohammed", o="Saudia"))),
 (D, dict(f="Chris", l="Evans", o="Marvel Studios"), ("l", dict(f="Chris", l="Evans", o="BBC"))),
 (D, dict(f="Priya", l="Sharma", o="Infosys", p="+91 98765 43210"), ("v", dict(f="Priya", l="Sharma", p="+91 99887 66554"))),
 (D, dict(f="Olga", l="Ivanova", o="Lukoil"), ("l", dict(f="Olga", l="Ivanova", o="Rosneft"))),
 (D, dict(f="Juan", l="Pérez", o="YPF", e="jperez@ypf.example"), ("c", dict(f="Juana", l="Pérez", o="YPF", e="juana.perez@ypf.example"))),
 (D, dict(f="Lars", l="Andersen", o="Novo Nordisk"), ("l", dict(f="Lasse", l="Andersson", o="Volvo"))),
 # And another batch, written the same way: names filed family name first with a comma, credentials
 # and titles around a name, romanizations of Thai, Japanese and Icelandic, Indian names by
 # initial and in either order, Iberian double surnames cut; namesakes of common names of many
 # countries, colleagues at one switchboard, a shared info@ address, two-word given names.
 (S, dict(n="MARTÍNEZ RUIZ, Lucía", o="Mercadona"), ("l", dict(f="Lucía", l="Martínez", o="Mercadona"))),
 (S, dict(n="van der Merwe, Pieter", o="Sasol"), ("l", dict(f="Pieter", l="van der Merwe", o="Sasol"))),
 (S, dict(f="Jonathan", l="Ashby", o="Acme", e="J.Ashby@Acme.example"), ("v", dict(f="Jon", l="Ashby", e="j.ashby@acme.example"))),
 (S, dict(f="Olivia", l="Brandt", o="Meridian", p="+1 212 555 0100 x245"), ("c", dict(f="Olivia", l="Brandt", p="(212) 555-0100 ext. 245"))),
 (S, dict(f="Hans Peter", l="Schmid", o="Novartis"), ("l", dict(f="Hans-Peter", l="Schmid", o="Novartis AG"))),
 (S, dict(f="Somchai", l="Wongsawat", o="PTT", p="+66 81 234 5678"), ("v", dict(f="Somchai", l="Wongsawad", p="081 234 5678"))),
 (S, dict(n="Sukarno", o="Garuda", p="+62 812 3456 7890"), ("v", dict(n="Sukarno", p="0812-3456-7890"))),
 (S, dict(f="R.", l="Venkataraman", o="TCS", e="r.venkataraman@tcs.example"), ("v", dict(f="Ramaswamy", l="Venkataraman", e="r.venkataraman@tcs.example"))),
 (S, dict(f="Venkataraman", l="Ramaswamy", o="Wipro", p="+91 98450 12345"), ("v", dict(f="Ramaswamy", l="Venkataraman", p="098450 12345"))),
 (S, dict(f="João Pedro", l="Silva Santos", o="Petrobras", e="joao.santos@petrobras.example"), ("v", dict(f="João", l="Santos", e="joao.santos@petrobras.example"))),
 (S, dict(f="Ana", l="Martínez de Torres", p="+34 699 111 222"), ("v", dict(f="Ana", l="Martínez", p="699 111 222"))),
 (S, dict(f="Bjørn", l="Åsheim", o="Telenor"), ("l", dict(f="Bjorn", l="Aasheim", o="Telenor ASA"))),
 (S, dict(f="Çağlar", l="Güneş", o="Turkcell"), ("l", dict(f="Caglar", l="Gunes", o="Turkcell"))),
 (S, dict(f="Mahmoud", l="El-Sayed", p="+20 111 222 3333"), ("v", dict(f="Mahmoud", l="Elsayed", p="0111 222 3333"))),
 (S, dict(f="Abu Bakr", l="Musa", o="MTN Nigeria", p="+234 803 123 4567"), ("v", dict(f="Abubakar", l="Musa", p="0803 123 4567"))),
 (S, dict(f="Kenji", l="Ohno", o="Panasonic", e="kenji.ono@panasonic.example"), ("v", dict(f="Kenji", l="Ono", e="kenji.ono@panasonic.example"))),
 (S, dict(f="Robert", l="Smith Jr", o="Lowe's", e="rsmith@lowes.example"), ("v", dict(f="Robert", l="Smith", e="rsmith@lowes.example"))),
 (S, dict(f="Alejandro", l="Castillo", o="Grupo Modelo"), ("l", dict(f="Alex", l="Castillo", o="Grupo Modelo"))),
 (S, dict(f="Guðrún", l="Jónsdóttir", o="Marel"), ("l", dict(f="Gudrun", l="Jonsdottir", o="Marel"))),
 (S, dict(f="Nikolaos", l="Antoniou", o="OTE", p="+30 697 765 4321"), ("v", dict(f="Nikos", l="Antoniou", p="697 765 4321"))),
 (S, dict(n="Sarah Chen, MBA, PMP", o="Deloitte"), ("l", dict(f="Sarah", l="Chen", o="Deloitte"))),
 (S, dict(n="Eng. Ahmed Youssef", o="Orascom", p="+20 100 987 6543"), ("v", dict(f="Ahmed", l="Youssef", p="0100 987 6543"))),
 (S, dict(f="Wilhelm", l="Brandt", o="Lufthansa"), ("l", dict(f="Willi", l="Brandt", o="Lufthansa"))),
 (S, dict(f="Przemysław", l="Zając", o="mBank", p="+48 502 345 678"), ("v", dict(f="Przemek", l="Zajac", p="502-345-678"))),
 (D, dict(f="Sarah", l="Chen", o="Google", e="sarah.chen@google.example"), ("c", dict(f="Sarah", l="Chen", o="Google", e="schen2@google.example"))),
 (D, dict(f="Kevin", l="Lee", o="Samsung"), ("l", dict(f="Kevin", l="Li", o="Xiaomi"))),
 (D, dict(f="Ali", l="Khan", o="Engro", p="+92 300 123 4567"), ("v", dict(f="Ali", l="Khan", p="+92 321 765 4321"))),
 (D, dict(n="WANG Fang", o="Lenovo"), ("l", dict(f="Fang", l="Wang", o="ByteDance"))),
 (D, dict(f="Ingrid", l="Solheim", p="+47 22 55 66 77"), ("v", dict(f="Astrid", l="Solheim", p="22 55 66 77"))),
 (D, dict(f="Yuki", l="Tanaka", o="Rakuten", p="+81 90 1111 2222"), ("v", dict(f="Yuki", l="Tanaka", p="090-3333-4444"))),
 (D, dict(f="Juan Carlos", l="Pérez", o="Ecopetrol"), ("l", dict(f="Juan Pablo", l="Pérez", o="Ecopetrol"))),
 (D, dict(f="Ahmad", l="Karimi", o="Snapp"), ("l", dict(f="Ahmed", l="Karimi", o="Digikala"))),
 (D, dict(f="Lisa", l="Müller", o="Bayer"), ("l", dict(f="Lisa", l="Miller", o="Pfizer"))),
 (D, dict(f="Natalia", l="Petrova", o="VTB"), ("l", dict(f="Natalya", l="Petrova", o="Aeroflot"))),
 (D, dict(f="Emily", l="Johnson", o="Target"), ("l", dict(f="Emily", l="Johnston", o="Walmart"))),
 (D, dict(f="Hannah", l="Schmidt", o="Adidas"), ("l", dict(f="Hanna", l="Schmitt", o="Puma"))),
 (D, dict(f="Paul", l="Martin", o="Martin Bakery", e="info@martinbakery.example"), ("c", dict(f="Sophie", l="Martin", o="Martin Bakery", e="info@martinbakery.example"))),
 (D, dict(f="Tom", l="Walsh", o="Kerrygold", p="+353 1 555 0000"), ("c", dict(f="Tim", l="Walsh", o="Kerrygold", p="01 555 0000"))),
 (D, dict(f="José", l="García", o="Cepsa"), ("l", dict(f="José", l="García", o="Endesa"))),
 (D, dict(f="Anand", l="Kumar", o="HCL"), ("l", dict(f="Anil", l="Kumar", o="HCL"))),
 (D, dict(f="Sven", l="Olsen", o="Carlsberg"), ("l", dict(f="Svend", l="Olsen", o="Lego"))),
 (D, dict(f="Fatima", l="Zahra", o="OCP", p="+212 661 111 222"), ("v", dict(f="Fatima", l="Zahra", p="+212 662 333 444"))),
 (D, dict(f="Michael", l="O'Connor", o="AIB"), ("l", dict(f="Michelle", l="O'Connor", o="AIB"))),
 (D, dict(f="Gabriel", l="Silva", o="Itaú"), ("l", dict(f="Gabriela", l="Silva", o="Itaú"))),
 (D, dict(f="Jun", l="Tanaka", o="Nikon"), ("l", dict(f="June", l="Tanaka", o="Nikon"))),
 (D, dict(f="Ivan", l="Horvat", o="Podravka"), ("l", dict(f="Ivana", l="Horvat", o="Podravka"))),
 # A third batch: Yoruba, Igbo and Zulu names and their short forms, Filipino `Ma.` and
 # Bangladeshi `Md.`, Dutch filing order, names in capitals or with a nickname in quotes,
 # Hebrew and Ukrainian script; namesakes of names common in Ghana, Ireland and Bangladesh,
 # relatives at one firm.
 (S, dict(f="N'Golo", l="Kanté", o="Chelsea FC"), ("l", dict(f="Ngolo", l="Kante", o="Chelsea"))),
 (S, dict(f="Oluwaseun", l="Adeyemi", o="Flutterwave", p="+234 802 555 1212"), ("v", dict(f="Seun", l="Adeyemi", p="0802 555 1212"))),
 (S, dict(f="Chukwuemeka", l="Eze", o="Access Bank", e="emeka.eze@accessbank.example"), ("v", dict(f="Emeka", l="Eze", e="emeka.eze@accessbank.example"))),
 (S, dict(n="Ma. Cristina Reyes", o="Ayala Corp"), ("l", dict(f="Maria Cristina", l="Reyes", o="Ayala Corporation"))),
 (S, dict(n="Md. Rafiqul Islam", o="Grameenphone", p="+880 1711 234567"), ("v", dict(f="Mohammad Rafiqul", l="Islam", p="01711-234567"))),
 (S, dict(n="Berg, Pieter van den", o="Heineken"), ("l", dict(f="Pieter", l="van den Berg", o="Heineken"))),
 (S, dict(n="JOHN O'REILLY", o="Glanbia"), ("l", dict(f="John", l="O'Reilly", o="Glanbia"))),
 (S, dict(n='Robert "Bob" Jones', o="Halliburton"), ("l", dict(f="Bob", l="Jones", o="Halliburton"))),
 (S, dict(f="J.R.R.", l="Tolkien", o="Allen & Unwin", e="jrrt@allenunwin.example"), ("v", dict(f="John", l="Tolkien", e="jrrt@allenunwin.example"))),
 (S, dict(f="Anna", l="Schmidt-Weber", o="Continental", p="+49 171 555 0101"), ("v", dict(f="Anna", l="Weber", p="0171 5550101"))),
 (S, dict(n="Tanaka Hiroshi", o="Mitsubishi"), ("l", dict(f="Hiroshi", l="Tanaka", o="Mitsubishi Corporation"))),
 (S, dict(f="Oleksandr", l="Bondarenko", p="+380 50 123 4567"), ("v", dict(f="Олександр", l="Бондаренко", p="050 123 4567"))),
 (S, dict(f="Mohammad Reza", l="Ahmadi", o="Irancell", p="+98 912 345 6789"), ("v", dict(f="Mohammadreza", l="Ahmadi", p="0912 345 6789"))),
 (S, dict(f="David", l="Cohen", o="Wix", p="+972 54 765 4321"), ("v", dict(f="דוד", l="כהן", p="054-765-4321"))),
 (S, dict(f="Nkosinathi", l="Dlamini", o="MTN", e="nathi.dlamini@mtn.example"), ("v", dict(f="Nathi", l="Dlamini", e="nathi.dlamini@mtn.example"))),
 (S, dict(f="Kwabena", l="Owusu", o="Ecobank", p="+233 24 123 4567"), ("v", dict(f="Kwabena", l="Owusu-Ansah", p="024 123 4567"))),
 (S, dict(f="Zoë", l="Saldaña", o="Avatar Films"), ("l", dict(f="Zoe", l="Saldana", o="Avatar Films"))),
 (S, dict(f="Sinéad", l="O'Connor", o="Chrysalis", e="sinead@chrysalis.example"), ("v", dict(f="Sinead", l="OConnor", e="sinead@chrysalis.example"))),
 (S, dict(f="Thomas", l="Müller-Lüdenscheidt", o="Loriot GmbH"), ("l", dict(f="Thomas", l="Mueller-Luedenscheidt", o="Loriot"))),
 (S, dict(f="Ngozi", l="Okonjo-Iweala", o="WTO", e="ngozi.okonjoiweala@wto.example"), ("v", dict(f="Ngozi", l="Okonjo Iweala", e="ngozi.okonjoiweala@wto.example"))),
 (D, dict(n="Md. Shafiqul Islam", o="Robi Axiata"), ("l", dict(f="Aminul", l="Islam", o="Robi Axiata"))),
 (D, dict(n="Ma. Teresa Santos", o="Jollibee"), ("l", dict(f="Maria Luisa", l="Santos", o="Jollibee"))),
 (D, dict(f="Kofi", l="Boateng", o="MTN Ghana", p="+233 24 555 0001"), ("v", dict(f="Kofi", l="Boateng", p="+233 20 555 0002"))),
 (D, dict(f="Oluwaseun", l="Bakare", o="Paystack"), ("l", dict(f="Oluwaseyi", l="Bakare", o="Paystack"))),
 (D, dict(f="Chukwuemeka", l="Obi", o="Zenith Bank"), ("l", dict(f="Chukwudi", l="Obi", o="Zenith Bank"))),
 (D, dict(f="Siti", l="Aminah", o="Petronas"), ("l", dict(f="Siti", l="Aishah", o="Petronas"))),
 (D, dict(n="Le Van Thanh", o="Vinamilk"), ("l", dict(f="Tam", l="Le", o="Vinamilk"))),
 (D, dict(f="Wei", l="Zhang", o="Huawei", e="wei.zhang@huawei.example"), ("c", dict(f="Wei", l="Zhang", o="Huawei", e="zhang.wei2@huawei.example"))),
 (D, dict(f="Raj", l="Patel", o="Reliance", p="+91 98200 11111"), ("v", dict(f="Rajesh", l="Patel", p="+91 98200 22222"))),
 (D, dict(f="Mike", l="Brown", o="Boeing", p="+1 206 555 0111"), ("v", dict(f="Michael", l="Brown", p="+1 312 555 0199"))),
 (D, dict(f="Julia", l="Hoffmann", o="Bertelsmann"), ("l", dict(f="Julia", l="Hoffmann-Lang", o="Axel Springer"))),
 (D, dict(f="Hiroshi", l="Suzuki", o="Suzuki Motor"), ("l", dict(f="Hiroko", l="Suzuki", o="Suzuki Motor"))),
 (D, dict(f="Dmitry", l="Volkov", o="Yandex"), ("l", dict(f="Dmitry", l="Volkova", o="Yandex"))),
 (D, dict(f="Ngozi", l="Adichie", o="Knopf"), ("l", dict(f="Chimamanda", l="Adichie", o="Knopf"))),
 (D, dict(f="Sean", l="Murphy", o="Guinness", p="+353 87 111 2222"), ("v", dict(f="Sean", l="Murphy", p="+353 86 333 4444"))),
 (D, dict(f="Mohammad", l="Rahman", o="BRAC"), ("l", dict(f="Mohammad", l="Rahman", o="bKash"))),
 # A fourth batch, most of it two people who share something: a home number, a sales@ address,
 # a desk line, an address scheme with a number, an employer, a name in the other order.
 (S, dict(n="DE LA CRUZ, Juan", o="San Miguel Corp"), ("l", dict(f="Juan", l="de la Cruz", o="San Miguel Corporation"))),
 (S, dict(n="Tom", p="+49 160 555 0199"), ("v", dict(f="Thomas", l="Becker", p="0160 5550199"))),
 (S, dict(f="Alexandre", l="Dubois", o="L'Oréal"), ("l", dict(f="Alexander", l="Dubois", o="L'Oreal"))),
 (S, dict(f="Stephanie", l="Müller-Schmidt", o="Henkel"), ("l", dict(f="Stephanie", l="Mueller Schmidt", o="Henkel AG"))),
 (S, dict(f="William", l="Gates III", o="Cascade Investment", e="bgates@cascade.example"), ("v", dict(f="Bill", l="Gates", e="bgates@cascade.example"))),
 (S, dict(f="Khalid", l="Al Mansoori", o="ADNOC", p="+971 50 111 2233"), ("v", dict(f="Khaled", l="Almansoori", p="050 111 2233"))),
 (S, dict(f="Stephen", l="Okafor-Hughes", o="Unilever"), ("l", dict(f="Steven", l="Okafor-Hughes", o="Unilever"))),
 (S, dict(f="Geoffrey", l="Tanner", o="Rio Tinto", e="jeff.tanner@riotinto.example"), ("v", dict(f="Jeff", l="Tanner", e="jeff.tanner@riotinto.example"))),
 (S, dict(f="Alexandra", l="Petrova", o="Sibur", p="+7 912 345 67 89"), ("v", dict(f="Sasha", l="Petrova", p="8 912 345-67-89"))),
 (S, dict(f="Jo-Anne", l="Featherstone", o="Westpac"), ("l", dict(f="Joanne", l="Featherstone", o="Westpac"))),
 (D, dict(f="Peter", l="Novak", p="+386 1 555 1234"), ("v", dict(f="Petra", l="Novak", p="01 555 1234"))),
 (D, dict(f="Tom", l="Baker", o="Baker & Co", e="sales@bakerco.example"), ("c", dict(f="Lisa", l="Baker", o="Baker & Co", e="sales@bakerco.example"))),
 (D, dict(f="Richard", l="Branson", o="Virgin Group", p="+44 20 7000 0000"), ("c", dict(f="Helen", l="Clark", o="Virgin Group", p="020 7000 0000"))),
 (D, dict(f="John", l="Whitaker", o="Acme Corp", e="john.whitaker@acme.example"), ("c", dict(f="John", l="Whitaker", o="Acme Corp", e="john.whitaker2@acme.example"))),
 (D, dict(f="Carlos", l="Gómez", o="Bimbo", e="carlos.gomez@bimbo.example"), ("l", dict(f="Carlos", l="Gomez", o="Cemex"))),
 (D, dict(f="Sarah", l="Johnson", o="Target", p="+1 612 555 0147"), ("v", dict(f="Sarah", l="Miller", p="+1 651 555 0199"))),
 (D, dict(f="Alex", l="Kim", o="Coupang", e="alex.kim@coupang.example"), ("c", dict(f="Alexandra", l="Kim", o="Coupang", e="alexandra.kim@coupang.example"))),
 (D, dict(f="Lee", l="Min", o="Naver"), ("l", dict(f="Min", l="Lee", o="Kakao"))),
 (D, dict(f="Ahmed", l="Ali", o="Emaar", e="ahmed.ali@emaar.example"), ("c", dict(f="Ali", l="Ahmed", o="Emaar", e="ali.ahmed@emaar.example"))),
 (D, dict(f="Nicole", l="Brown", o="Kellogg"), ("l", dict(f="Nicolas", l="Brown", o="Kellogg"))),
 (D, dict(f="Jean", l="Dupont", p="+33 1 45 67 89 00"), ("v", dict(f="Jeanne", l="Dupont", p="01 45 67 89 00"))),
 (D, dict(n="Bo Li", o="JD.com"), ("l", dict(f="Bo", l="Li", o="Meituan"))),
 (D, dict(f="Tomás", l="Rodríguez", o="Telefónica"), ("l", dict(f="Tomas", l="Rodrigues", o="Vivo"))),
 (D, dict(f="Yusuf", l="Ahmed", o="Careem", p="+971 55 123 4567"), ("v", dict(f="Youssef", l="Ahmed", p="+212 661 987 654"))),
 (D, dict(n="Dr. Ram Singh", o="AIIMS", p="+91 98100 12345"), ("v", dict(f="Ram", l="Singh", p="+91 99100 54321"))),
 # Vietnamese names read family name first without `Van` or `Thi` to say so.
 (S, dict(n="Pham Nhat Vuong", o="Vingroup"), ("l", dict(f="Vuong", l="Pham", o="Vingroup"))),
 (S, dict(n="Nguyen Minh Tuan", o="Viettel", e="tuan.nguyen@viettel.example"), ("v", dict(f="Tuan", l="Nguyen", e="tuan.nguyen@viettel.example"))),
 (S, dict(n="Tran Quoc Bao", o="FPT"), ("l", dict(f="Bao", l="Tran", o="FPT Software"))),
 (S, dict(n="Hoang Minh Tuan", o="VNPT"), ("l", dict(f="Minh Tuan", l="Hoang", o="VNPT"))),
 (D, dict(n="Nguyen Minh Tuan", o="Masan"), ("l", dict(f="Minh", l="Nguyen", o="Masan"))),
]

def badge_rows(rows):
    out = io.StringIO(); w = csv.writer(out)
    single = any("n" in r for r in rows)
    if single:
        w.writerow(["Name", "Company", "Job Title", "Email", "Phone"])
        for r in rows:
            w.writerow([r.get("n") or f"{r.get('f','')} {r.get('l','')}".strip(), r.get("o",""), r.get("t",""), r.get("e",""), r.get("p","")])
    else:
        w.writerow(["First Name", "Last Name", "Company", "Job Title", "Email", "Phone"])
        for r in rows:
            w.writerow([r.get("f",""), r.get("l",""), r.get("o",""), r.get("t",""), r.get("e",""), r.get("p","")])
    return out.getvalue()
def vcard(rows):
    s = ""
    for r in rows:
        s += "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        if "n" in r:
            s += f"FN:{r['n']}\r\n"
        else:
            s += f"N:{r.get('l','')};{r.get('f','')};;;\r\nFN:{r.get('f','')} {r.get('l','')}\r\n"
        if r.get("o"): s += f"ORG:{r['o']}\r\n"
        if r.get("e"): s += f"EMAIL;TYPE=INTERNET:{r['e']}\r\n"
        if r.get("p"): s += f"TEL;TYPE=CELL:{r['p']}\r\n"
        s += "END:VCARD\r\n"
    return s
def linkedin(rows):
    out = io.StringIO(); w = csv.writer(out)
    out.write("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n")
    w.writerow(["First Name","Last Name","URL","Email Address","Company","Position","Connected On"])
    for i, r in enumerate(rows):
        slug = (r.get('f','') + '-' + r.get('l','')).lower().replace(' ', '-')
        w.writerow([r.get("f",""), r.get("l",""), f"https://www.linkedin.com/in/{slug}-{i}", r.get("e",""), r.get("o",""), r.get("t",""), "02 Dec 2026"])
    return out.getvalue()
def run(cases):
    d = tempfile.mkdtemp()
    files = {"badge.csv": [], "phone.vcf": [], "Connections.csv": [], "cards.csv": []}
    where = []
    for exp, a, (kind, b) in cases:
        files["badge.csv"].append(a); ia = len(files["badge.csv"])
        fb = {"v": "phone.vcf", "l": "Connections.csv", "c": "cards.csv"}[kind]
        files[fb].append(b); ib = len(files[fb])
        where.append((("badge.csv", ia), (fb, ib)))
    args = []
    for name, rows in files.items():
        if not rows: continue
        text = {"badge.csv": badge_rows, "cards.csv": badge_rows, "phone.vcf": vcard, "Connections.csv": linkedin}[name](rows)
        open(os.path.join(d, name), "w", encoding="utf-8").write(text)
        args.append(name)
    p = subprocess.run([ROLO, "run", *args, "--event", "Expo", "--contacts", "c.jsonl", "--review", "r.csv"], cwd=d, capture_output=True, text=True)
    if p.returncode != 0: print(p.stderr); sys.exit(1)
    of = {}
    for i, line in enumerate(open(os.path.join(d, "c.jsonl"), encoding="utf-8")):
        c = json.loads(line)
        for s in c["sources"]:
            of[(s["file"], s["record"])] = i
    shutil.rmtree(d)
    return [of.get(a) == of.get(b) and of.get(a) is not None for a, b in where]
mode = sys.argv[1] if len(sys.argv) > 1 else "alone"
if mode == "alone":
    res = [run([c])[0] for c in CASES]
else:
    res = run(CASES)
bad = 0
tally = {"same": [0, 0], "diff": [0, 0]}
for c, merged in zip(CASES, res):
    exp = c[0]
    tally[exp][0] += merged; tally[exp][1] += 1
    ok = merged == (exp == "same")
    if not ok:
        a = c[1]; b = c[2][1]
        na = a.get("n") or f"{a.get('f')} {a.get('l')}"; nb = b.get("n") or f"{b.get('f')} {b.get('l')}"
        print(f"{'MISSED' if exp=='same' else 'WRONG '}  {na} [{a.get('o','')}] ~ {nb} [{b.get('o','')}] ({c[2][0]})")
print(f"{mode}: same merged {tally['same'][0]}/{tally['same'][1]}, different merged {tally['diff'][0]}/{tally['diff'][1]}")
