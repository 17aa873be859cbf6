-- Benchmark data for the retention job: :cases closed cases (psql -v cases=N), all closed more than a year and a
-- quarter ago, so every one is past the default profile's retention (P1Y after closure). Two cases per customer, so
-- that a customer's details go only with their second case. Each case has what removal overwrites: its forms, a
-- decision, two evidence entries, a letter and a notification; every third has a lifted restriction. Plus 5,000 cases
-- still open (their customers' details must stay). Run against a database the service has migrated.
begin;
truncate contact, read_and_file_item, restriction, audit_event, idempotency_record, evidence_entry, decision,
    letter, notification, review, appeal, case_hold, policy_case, customer cascade;

create temporary table bench_case on commit drop as
select n, gen_random_uuid() as id, current_date - 460 - (n % 300) as closed_on
from generate_series(1, :cases) as n;

insert into customer (id, full_name, name_key, email, email_key, phone, postcode, postcode_key, address_line1, town,
                      communication_needs, created_at, updated_at, version)
select gen_random_uuid(), 'Retained Customer ' || n, 'retained customer ' || n, 'retained' || n || '@example.org',
       'retained' || n || '@example.org', '+441632' || lpad((n % 1000000)::text, 6, '0'), 'EX1 1AB', 'EX11AB',
       n || ' Bench Street', 'Exeter', '{}', now(), now(), 0
from generate_series(1, (:cases + 1) / 2 + 5000) as n;

create temporary table bench_customer on commit drop as
select id, row_number() over (order by id) as n from customer;

insert into policy_case (id, customer_id, matter, department, classifications, status, referral, referred_by_subject,
                         referred_by_name, referred_at, referred_on, prior_warning, closure, evidence_count,
                         created_at, updated_at, version)
select k.id, c.id, 'Repeated calls about bin collections at number ' || k.n, 'Waste', '{UNREASONABLY_PERSISTENT}',
       'CLOSED',
       jsonb_build_object('referredOn', k.closed_on - 200, 'background',
                          'Background naming the customer, case ' || k.n, 'source', 'STAFF'),
       'bench', 'Bench Officer', (k.closed_on - 200)::timestamptz, k.closed_on - 200,
       jsonb_build_object('issuedOn', k.closed_on - 150, 'details', 'Prior warning text ' || k.n),
       jsonb_build_object('closedOn', k.closed_on, 'reason', 'RESOLVED', 'notes', 'Closure notes ' || k.n),
       2, now(), now(), 0
from bench_case k join bench_customer c on c.n = (k.n + 1) / 2;

-- Open cases for the last 5,000 customers: not due, and their customers keep their details.
insert into policy_case (id, customer_id, matter, department, classifications, status, referral, referred_by_subject,
                         referred_by_name, referred_at, referred_on, evidence_count, created_at, updated_at, version)
select gen_random_uuid(), c.id, 'An open matter', 'Waste', '{ABUSIVE}', 'REFERRED',
       jsonb_build_object('referredOn', current_date - 10, 'background', 'Open case background'), 'bench',
       'Bench Officer', now(), current_date - 10, 0, now(), now(), 0
from bench_customer c where c.n > (:cases + 1) / 2;

insert into decision (id, case_id, outcome, decided_on, reasons, agreed_actions, customer_told_on, decided_by_subject,
                      decided_by_name, decided_as, recorded_at)
select gen_random_uuid(), k.id, 'POLICY_APPLIED', k.closed_on - 100, 'Decision reasons naming the customer ' || k.n,
       '[{"details":"Agreed action"}]', k.closed_on - 99, 'bench', 'Bench Manager', 'Head of Service', now()
from bench_case k;

insert into evidence_entry (id, case_id, sequence, occurred_at, channel, officer, behaviours, summary,
                            recorded_by_subject, recorded_by_name, recorded_at)
select gen_random_uuid(), k.id, s, (k.closed_on - 180 + s)::timestamptz, 'TELEPHONE', 'Officer ' || s,
       '{REPEATED_CONTACT}', 'What the customer said on call ' || s, 'bench', 'Bench Officer', now()
from bench_case k cross join generate_series(1, 2) as s;

insert into restriction (id, customer_id, case_id, emergency, lineage_id, version_number, type, terms, scope,
                         starts_on, reasons, imposed_by_subject, imposed_by_name, imposed_at, lifted, lifted_on,
                         lifting_reasons, lock_version)
select r.id, r.customer_id, r.case_id, false, r.id, 1, 'CHANNEL_LIMIT',
       '{"type":"CHANNEL_LIMIT","allowedChannels":["LETTER"]}', 'ALL_MATTERS', r.closed_on - 98,
       'Restriction reasons ' || r.n, 'bench', 'Bench Manager', now(), true, r.closed_on, 'Lifted at closure', 0
from (select gen_random_uuid() as id, p.customer_id, k.id as case_id, k.closed_on, k.n
      from bench_case k join policy_case p on p.id = k.id where k.n % 3 = 0) as r;

insert into letter (id, customer_id, case_id, kind, languages, subject, html, body_text, created_at, version)
select gen_random_uuid(), p.customer_id, k.id, 'DECISION', '{en}', 'Your case',
       '<p>Dear Retained Customer ' || k.n || ', we have decided ...</p>',
       'Dear Retained Customer ' || k.n || ', we have decided ...', now(), 0
from bench_case k join policy_case p on p.id = k.id;

insert into notification (id, dedupe_key, kind, recipient, subject, body, case_id, state, next_attempt_at, created_at,
                          version)
select gen_random_uuid(), 'bench:' || k.id, 'DECISION_RECORDED', 'CASE_OFFICER', 'Decision for case ' || k.n,
       'The decision for Retained Customer ' || k.n, k.id, 'SENT', now(), now(), 0
from bench_case k;

commit;
analyze;
select (select count(*) from policy_case where status = 'CLOSED') as closed_cases,
       (select count(*) from policy_case where status <> 'CLOSED') as open_cases,
       (select count(*) from customer) as customers,
       (select count(*) from evidence_entry) as evidence,
       (select count(*) from restriction) as restrictions,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
