"""Writes a badge-scan CSV of N rows to stdout: N/10 people are scanned twice (one with a
different phone format), the rest once. Deterministic."""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(42)
given = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "Wei", "Priya", "Jürgen", "Sofía", "Kwame", "Aiko", "Olga", "Lucas", "Fatima", "Noah"]
family = ["Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "Müller",
          "Nguyen", "Kim", "Okafor", "Tanaka", "Ivanova", "Silva", "Khan", "Cohen", "Rossi", "Dubois", "Larsen"]
orgs = ["Acme Corp", "Globex", "Initech", "Umbrella Inc", "Hooli", "Stark Industries", "Wayne Enterprises",
        "Cyberdyne Systems", "Soylent Ltd", "Tyrell GmbH"]
titles = ["CEO", "VP Sales", "Engineer", "Product Manager", "Director of IT", "Analyst", "Head of Data"]
ratings = ["Hot", "Warm", "Cold", "", "4", "2"]
print("First Name,Last Name,Company,Job Title,Email,Phone,Country,Lead Rating,Notes,Scanned At")
people = max(1, n - n // 10)
rows = []
for i in range(n):
    p = i if i < people else rng.randrange(people)
    g, f = given[p % len(given)], family[(p // len(given)) % len(family)]
    org = orgs[p % len(orgs)]
    email = f"{g.lower()}.{f.lower()}.{p}@{org.split()[0].lower()}.example"
    phone = f"+1 202 555 {p % 10000:04d}" if i < people else f"(202) 555-{p % 10000:04d}"
    day = 10 + (i % 3)
    rows.append(f"{g},{f},{org},{titles[p % len(titles)]},{email},{phone},US,{ratings[i % len(ratings)]},"
                f"\"note {i}, met at booth\",2026-03-{day}T{9 + i % 8:02d}:{i % 60:02d}:00Z")
sys.stdout.write("\n".join(rows) + "\n")
