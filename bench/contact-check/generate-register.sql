-- Benchmark data for the register of potentially dangerous persons and properties: 100,000 properties, each with its
-- own postcode, of which every fifth (20,000) has an entry in force (APPROVED), so that a lookup by a random
-- property's postcode hits one time in five. Of the entries, half are about the property alone, a quarter also about
-- a person not on record (name and date of birth), and a quarter also about one of the contact-check benchmark's
-- customers (5,000 of them, so about one contact check in twenty finds precautions).
-- Run after generate.sql, against a database the service has migrated. The properties stay in bench_property, for
-- the wrk script's postcodes; it is the benchmark's table, not the service's.
--
-- What the lookup reads is written as the service writes it (RegisterRules.putInForce): the keys in the normal form
-- of org.ubcs.identifiers.Identifiers (postcode_key 'ST10AA', address_key '5 bench street', uprn without leading
-- zeros, name_key folded), and `lookup` as LookupAnswerJson writes a LookupAnswer: compact Jackson JSON, record
-- components in order, nulls written. run.sh checks that against an entry made through the API.
begin;
truncate register_view, register_review, register_entry_version, register_entry cascade;
drop table if exists bench_property;

-- Postcodes ST1 0AA to ST15 ...: 10 × 26 × 26 inward codes per district, every one distinct.
create table bench_property as
select n, postcode, replace(postcode, ' ', '') as postcode_key, n || ' Bench Street' as line1,
       n || ' bench street' as address_key, (3455000000 + n)::text as uprn
from (select n, 'ST' || (1 + (n - 1) / 6760) || ' ' || ((n - 1) / 676 % 10) || chr(65 + (n - 1) / 26 % 26)
             || chr(65 + (n - 1) % 26) as postcode
      from generate_series(1, 100000) as n) as p;

create temporary table customer_on_register as
select id, full_name, name_key, row_number() over (order by md5(id::text)) as r from customer;

-- Each entry: m = 1..20,000 for property 5m. kind 0 and 1: the property only; 2: and a person not on record;
-- 3: and a customer on record.
create temporary table bench_entry as
select gen_random_uuid() as id, gen_random_uuid() as version_id, p.*, e.m, e.m % 4 as kind,
       case e.m % 4 when 3 then c.id end as customer_id,
       case e.m % 4 when 2 then 'Bench Tenant ' || e.m when 3 then c.full_name end as full_name,
       case e.m % 4 when 2 then lower('Bench Tenant ' || e.m) when 3 then c.name_key end as name_key,
       case e.m % 4 when 2 then date '1950-01-01' + (e.m * 37 % 18000) end as date_of_birth,
       (array['LOW', 'MEDIUM', 'HIGH'])[1 + e.m / 3 % 3] as risk_level,
       e.m % 3 as precautions_kind
from (select generate_series(1, 20000) as m) as e
join bench_property p on p.n = 5 * e.m
left join customer_on_register c on e.m % 4 = 3 and c.r = (e.m - 3) / 4 + 1;

-- The profile's precautions (stoke-on-trent.properties), code, label and note, in three mixes.
create temporary table bench_precaution as
select * from (values
    (0, 1, 'VISIT_IN_PAIRS', 'Visit in pairs', null),
    (1, 1, 'VISIT_IN_PAIRS', 'Visit in pairs', null),
    (1, 2, 'TELEPHONE_BEFORE_VISITING', 'Telephone before visiting', 'Ring the tenant first.'),
    (2, 1, 'NO_LONE_VISITS', 'No lone visits', null),
    (2, 2, 'ANIMALS_SECURED_BEFORE_VISIT', 'Ask for animals to be secured before a visit', 'Two dogs.'),
    (2, 3, 'DO_NOT_ENTER_THE_PROPERTY', 'Do not enter the property', null)
) as t(kind, position, code, label, note);

-- A JSON value as Jackson writes it: a string quoted and escaped, a null as null.
create function pg_temp.j(value text) returns text language sql immutable as
$$ select coalesce(to_json(value)::text, 'null') $$;

insert into register_entry (id, state, in_force_version_id, about_customer_id, customer_id, name_key, date_of_birth,
                            postcode_key, address_key, uprn, lookup, next_review_on, created_by_subject,
                            created_by_name, created_at, updated_at, version)
select e.id, 'APPROVED', e.version_id, e.customer_id, e.customer_id, e.name_key, e.date_of_birth, e.postcode_key,
       e.address_key, e.uprn,
       '{"appliesTo":{"customerId":' || pg_temp.j(e.customer_id::text) || ',"fullName":' || pg_temp.j(e.full_name)
           || ',"line1":' || pg_temp.j(e.line1) || ',"postcode":' || pg_temp.j(e.postcode) || ',"uprn":'
           || pg_temp.j(e.uprn) || '},"riskLevel":' || pg_temp.j(e.risk_level) || ',"precautions":['
           || (select string_agg('{"code":' || pg_temp.j(p.code) || ',"label":' || pg_temp.j(p.label) || ',"note":'
                                 || pg_temp.j(p.note) || '}', ',' order by p.position)
               from bench_precaution p where p.kind = e.precautions_kind)
           || '],"communication":{"channels":["LETTER","TELEPHONE"],"arrangements":'
           || pg_temp.j('Letters to the tenant; telephone before any visit.') || '}}',
       current_date + 365 - e.m % 300, 'bench-author', 'Bench Author', now() - interval '60 days',
       now() - interval '30 days', 1
from bench_entry e;

-- The version in force, as EntryContent (read only when an entry itself is opened, never by a lookup).
insert into register_entry_version (id, entry_id, number, state, content, authored_by_subject, authored_by_name,
                                    authored_at, written_by, approved_by_subject, approved_by_name, approved_at)
select e.version_id, e.id, 1, 'APPROVED',
       jsonb_build_object(
           'person', case when e.kind >= 2 then jsonb_build_object('customerId', e.customer_id,
               'fullName', case when e.kind = 2 then e.full_name end, 'dateOfBirth', e.date_of_birth,
               'connection', 'Lives at the address.') end,
           'property', jsonb_build_object('address', jsonb_build_object('line1', e.line1, 'line2', null,
               'town', 'Stoke-on-Trent', 'postcode', e.postcode), 'uprn', e.uprn),
           'incidents', jsonb_build_array(jsonb_build_object('occurredOn', current_date - 90,
               'whatHappened', 'Threatened the visiting officer at the door.', 'witnessedBy', 'Housing officer',
               'source', 'Incident report', 'caseId', null, 'evidenceEntryId', null)),
           'riskLevel', e.risk_level,
           'precautions', (select jsonb_agg(jsonb_build_object('code', p.code, 'note', p.note) order by p.position)
                           from bench_precaution p where p.kind = e.precautions_kind),
           'communication', jsonb_build_object('channels', jsonb_build_array('LETTER', 'TELEPHONE'),
               'arrangements', 'Letters to the tenant; telephone before any visit.')),
       'bench-author', 'Bench Author', now() - interval '60 days', '{bench-author}', 'bench-approver',
       'Bench Approver', now() - interval '30 days'
from bench_entry e;

commit;
analyze register_entry, register_entry_version, bench_property;
select (select count(*) from bench_property) as properties,
       (select count(distinct postcode_key) from bench_property) as postcodes,
       (select count(*) from register_entry where state = 'APPROVED') as entries_in_force,
       (select count(*) from register_entry where customer_id is not null) as about_customers,
       (select count(*) from register_entry where name_key is not null and customer_id is null) as about_others;
