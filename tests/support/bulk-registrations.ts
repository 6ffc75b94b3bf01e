// Many registrations at once, straight in SQL, for exports, statistics and
// benchmarks: a mix of statuses, sectors, genders and regions, Kyrgyz letters
// in the names, and attendance for most confirmed participants on some days.
// `query` is any way to run SQL with parameters (Prisma's raw query or pg).

export type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

export async function insertRegistrations(
  query: RunSql,
  { eventId, count, tag }: { eventId: string; count: number; tag: string },
) {
  await query(
    `INSERT INTO registration (id, event_id, status, category, last_name, first_name, patronymic,
       organization, position, region, email, email_normalized, phone, gender, needs_accommodation,
       consent_at, consent_version, manage_token_hash, check_in_code, created_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid,
       (ARRAY['CONFIRMED','CONFIRMED','CONFIRMED','WAITLISTED','PENDING','CANCELLED','DECLINED'])[1 + i % 7]::"RegistrationStatus",
       (ARRAY['GOVERNMENT','LOCAL_GOVERNMENT','CIVIL_SOCIETY','OTHER'])[1 + i % 4]::"ParticipantCategory",
       'Өмүрбекова-' || i, 'Жаңыл', CASE WHEN i % 2 = 0 THEN 'Үсөновна' END,
       'Нарын шаардык кеңеши ' || (i % 40), 'Адис', 
       (ARRAY['BISHKEK_CITY','OSH_CITY','BATKEN','CHUI','ISSYK_KUL','JALAL_ABAD','NARYN','OSH','TALAS',
              'KAZAKHSTAN','TAJIKISTAN','TURKMENISTAN','UZBEKISTAN','OTHER_COUNTRY'])[1 + i % 14],
       'bulk-' || $2 || '-' || i || '@example.test', 'bulk-' || $2 || '-' || i || '@example.test',
       '+996 555 ' || lpad(i::text, 6, '0'),
       (ARRAY['FEMALE','MALE','UNDISCLOSED','FEMALE','MALE'])[1 + i % 5]::"Gender", i % 3 = 0,
       now(), '2026-11-26', md5($2 || '-' || i) || md5(i::text || $2), 'B' || i,
       now() - make_interval(mins => i), now()
     FROM generate_series(1, $3::int) AS i`,
    [eventId, tag, count],
  );
  // Most confirmed participants come; not everyone every day.
  await query(
    `INSERT INTO attendance (id, registration_id, event_day_id)
     SELECT gen_random_uuid(), r.id, d.id
     FROM registration r JOIN event_day d ON d.event_id = r.event_id
     WHERE r.event_id = $1::uuid AND r.status = 'CONFIRMED'
       AND (r.number + extract(day FROM d.date)::int) % 4 <> 0 AND r.number % 9 <> 0`,
    [eventId],
  );
}
