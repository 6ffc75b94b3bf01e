// People are listed by last name, then first name and patronymic, as a
// Russian reader expects (ё beside е; the Kyrgyz ң, ө, ү right after н, о, у),
// whatever the database's own collation is.

const russian = new Intl.Collator("ru");

export type PersonName = { lastName: string; firstName: string; patronymic: string | null };

export function compareByRussianName(a: PersonName, b: PersonName): number {
  return (
    russian.compare(a.lastName, b.lastName) ||
    russian.compare(a.firstName, b.firstName) ||
    russian.compare(a.patronymic ?? "", b.patronymic ?? "")
  );
}

/** "Асанова Айгүл Бакытовна": the name as a list or an official paper writes it. */
export function fullName(person: PersonName): string {
  return [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" ");
}
