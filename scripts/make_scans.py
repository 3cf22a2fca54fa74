"""Writes a badge-scan CSV of N rows to stdout, deterministic: about one person in ten is
scanned twice (the second time with the phone written another way and no email), so the
resolver has real work; names, organizations and numbers are varied enough that two different
people rarely share a name at one organization."""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(42)
syllables = ["ka", "lo", "mi", "ra", "te", "no", "su", "vi", "an", "el", "jo", "ma", "ri", "sa",
             "tu", "be", "da", "fi", "go", "hu", "ne", "po", "qu", "ze", "lu", "mo", "ta", "vo"]
given = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "Wei", "Priya", "Jürgen", "Sofía", "Kwame", "Aiko", "Olga", "Lucas", "Fatima",
         "Noah", "Chloé", "Mateo", "Amara", "Sven", "Yuki", "Omar", "Ingrid", "Ravi", "Zoë", "Tomás"]
titles = ["CEO", "VP Sales", "Engineer", "Product Manager", "Director of IT", "Analyst", "Head of Data"]
ratings = ["Hot", "Warm", "Cold", "", "4", "2"]


def word(k, parts):
    out = ""
    for _ in range(parts):
        out += syllables[k % len(syllables)]
        k //= len(syllables)
    return out.capitalize()


people = max(1, n - n // 10)
print("First Name,Last Name,Company,Job Title,Email,Phone,Country,Lead Rating,Notes,Scanned At")
out = []
for i in range(n):
    again = i >= people
    p = rng.randrange(people) if again else i
    g = given[p % len(given)]
    f = word(p * 7919 % 614656, 4)
    org = word(p % 5000 + 17, 3) + " Corp"
    email = "" if again else f"{g.lower()}.{f.lower()}{p}@{org.split()[0].lower()}.example"
    area, exchange, line = 212 + p % 600, 200 + (p // 10000) % 800, p % 10000
    phone = f"({area}) {exchange}-{line:04d}" if again else f"+1 {area} {exchange} {line:04d}"
    day = 10 + (i % 3)
    out.append(f"{g},{f},{org},{titles[p % len(titles)]},{email},{phone},US,{ratings[i % len(ratings)]},"
               f"\"note {i}, met at booth\",2026-03-{day}T{9 + i % 8:02d}:{i % 60:02d}:00Z")
sys.stdout.write("\n".join(out) + "\n")
