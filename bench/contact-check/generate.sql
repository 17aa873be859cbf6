-- Benchmark data for the contact check: 100,000 customers, 30,000 of them with restrictions of mixed types (a third
-- of those with a second one), and this week's contacts for those under a contact cap, so caps are counted for real.
-- Run against a database the service has migrated (Flyway creates the schema at start-up).
begin;
truncate contact, read_and_file_item, restriction, audit_event, idempotency_record, evidence_entry, decision,
    policy_case, customer cascade;

-- Identifiers in the normal form the service stores (org.ubcs.identifiers.Identifiers): phone in E.164, the keys
-- names, emails and postcodes are compared by.
insert into customer (id, full_name, name_key, email, email_key, phone, postcode, postcode_key, communication_needs,
                      created_at, updated_at, version)
select gen_random_uuid(), 'Bench Customer ' || n, 'bench customer ' || n, 'bench' || n || '@example.org',
       'bench' || n || '@example.org', '+441632' || lpad(n::text, 6, '0'),
       'EX' || (n % 9 + 1) || ' ' || (n % 9) || 'AB', 'EX' || (n % 9 + 1) || (n % 9) || 'AB', '{}', now(), now(), 0
from generate_series(1, 100000) as n;

create temporary table restricted as
select id as customer_id, row_number() over (order by id) as n from customer order by id limit 30000;

insert into restriction (id, customer_id, emergency, lineage_id, version_number, type, terms, scope, starts_on,
                         reasons, imposed_by_subject, imposed_by_name, imposed_at, lock_version)
select r.id, r.customer_id, false, r.id, 1, r.type, r.terms, 'ALL_MATTERS', current_date - 10,
       'Benchmark restriction.', 'bench', 'Bench', now(), 0
from (
    select gen_random_uuid() as id, customer_id, t.type, t.terms
    from restricted
    join (values
        (0, 'CHANNEL_LIMIT', '{"type":"CHANNEL_LIMIT","allowedChannels":["LETTER","EMAIL"]}'),
        (1, 'TIME_WINDOWS', '{"type":"TIME_WINDOWS","channels":["TELEPHONE"],"windows":[{"days":["TUESDAY","THURSDAY"],"from":"10:00","to":"12:00"}]}'),
        (2, 'SINGLE_POINT_OF_CONTACT', '{"type":"SINGLE_POINT_OF_CONTACT","officer":{"name":"Jo Contact","email":"jo@example.gov.uk"}}'),
        (3, 'CONTACT_CAP', '{"type":"CONTACT_CAP","maxContacts":5,"per":"WEEK","maxCallMinutes":15}'),
        (4, 'NO_FACE_TO_FACE', '{"type":"NO_FACE_TO_FACE"}'),
        (5, 'WITNESS_REQUIRED', '{"type":"WITNESS_REQUIRED"}'),
        (6, 'PREMISES_BAN', '{"type":"PREMISES_BAN","premises":["Civic Centre"]}'),
        (7, 'MEETINGS_BY_APPOINTMENT', '{"type":"MEETINGS_BY_APPOINTMENT","offices":"Civic Centre"}')
    ) as t(k, type, terms) on t.k = restricted.n % 8
    union all
    select gen_random_uuid(), customer_id, 'CONTACT_CAP',
           '{"type":"CONTACT_CAP","maxContacts":10,"per":"MONTH"}'
    from restricted where n % 3 = 0
) as r;

insert into contact (id, customer_id, channel, occurred_at, new_complaint, verdict, recorded_by_subject,
                     recorded_by_name)
select gen_random_uuid(), r.customer_id, 'TELEPHONE', now() - (k || ' hours')::interval, false, 'ALLOW', 'bench',
       'Bench'
from restriction r cross join generate_series(1, 3) as k
where r.type = 'CONTACT_CAP';

commit;
analyze customer, restriction, contact;
select (select count(*) from customer) as customers,
       (select count(distinct customer_id) from restriction) as restricted_customers,
       (select count(*) from restriction) as restrictions,
       (select count(*) from contact) as contacts;
