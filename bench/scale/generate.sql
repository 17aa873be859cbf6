-- A large council's data, set-based (issue 15 §2): at scale 1 (psql -v scale=1.0), 1,000,000 cases for 400,000
-- customers over about eight years, 2,000,000 restrictions, 5,000,000 contacts, 100,000 register entries, and the
-- audit trail of all of it. Of the cases, 200,000 were closed more than a year ago with their personal data still
-- present (due for the retention job), 300,000 closed longer ago and already anonymised, 80,000 closed within the
-- year, and 420,000 open at every step of the procedure. Every count scales with `scale`; try 0.01 first.
--
-- Run against a database the service has migrated (Flyway owns the schema; nothing here drops or creates any of the
-- service's tables). Forms are written as the service writes them (read back from a case taken through the API on
-- this machine, Hibernate's JSON mapper): dates in JSON as [year, month, day] arrays, instants as epoch seconds,
-- null fields left out; restriction terms as compact JSON text with nulls written. `-v dates=iso` writes JSON dates
-- as ISO strings instead (as the retention tests and bench/retention do): see the README on why that matters.
--
-- Prints the time each table took and the total.
\set ON_ERROR_STOP on
\if :{?scale}
\else
\set scale 1.0
\endif
\if :{?dates}
\else
\set dates array
\endif
set synchronous_commit = off;
set work_mem = '128MB';
set maintenance_work_mem = '256MB';

select clock_timestamp() as started,
       round(400000 * :scale)::int as customers,
       round(1000000 * :scale)::int as cases,
       round(2000000 * :scale)::int as restrictions,
       round(5000000 * :scale)::int as contacts,
       round(100000 * :scale)::int as entries,
       current_date as today \gset
\echo scale :scale: :customers customers, :cases cases, :restrictions restrictions, :contacts contacts, :entries register entries; JSON dates as :dates

truncate contact, read_and_file_item, restriction, audit_event, idempotency_record, evidence_entry, decision, letter,
    notification, review, fresh_issue, appeal, case_hold, subject_access_export, register_view, register_review,
    register_entry_version, register_entry, policy_case, customer cascade;

-- A date in stored form JSON; an instant as Jackson writes it (epoch seconds with microseconds).
select :'dates' = 'iso' as dates_iso \gset
\if :dates_iso
create function pg_temp.jd(d date) returns jsonb language sql immutable as $$ select to_jsonb(d::text) $$;
\else
create function pg_temp.jd(d date) returns jsonb language sql immutable as $$
  select jsonb_build_array(extract(year from d)::int, extract(month from d)::int, extract(day from d)::int) $$;
\endif
create function pg_temp.ji(t timestamptz) returns jsonb language sql immutable as $$
  select to_jsonb(round(extract(epoch from t)::numeric, 6)) $$;
create function pg_temp.actor(subject text, name text) returns jsonb language sql immutable as $$
  select jsonb_build_object('subject', subject, 'name', name) $$;
-- Deterministic ids, so that tables can refer to each other by number without joins.
create function pg_temp.uid(kind text, n bigint) returns uuid language sql immutable as $$
  select md5(kind || ':' || n)::uuid $$;
-- A table's line: rows and seconds since t0.
create function pg_temp.report(label text, row_count bigint, t0 timestamptz) returns text language sql as $$
  select format('%-26s %11s rows %8s s', label, to_char(row_count, 'FM999,999,999'),
                round(extract(epoch from clock_timestamp() - t0), 1)) $$;
\pset tuples_only on
\pset format unaligned

-- ---- The cases, worked out once (a temporary table: no WAL), then written to each table.
-- Bucket b = n % 100: 0-19 closed past retention with personal data present, 20-49 closed long ago and already
-- anonymised, 50-57 closed within the year, then the open steps: 58-65 REFERRED, 66-71 INFORMAL_STAGE_COMPLETED,
-- 72-75 ASSESSED, 76-77 CASE_CONFERENCE_HELD, 78-91 POLICY_APPLIED, 92-99 POLICY_NOT_APPLIED.
-- A case closed after a decision applying the policy had restrictions; one in four closed cases did not apply it.
select clock_timestamp() as t0 \gset
create temporary table bench_case as
select k.*, (referred_on + time '08:30' + make_interval(secs => (n * 7) % 32400 + (n % 1000000) / 1e6))
            at time zone 'Europe/London' as created_at,
       case when status = 'POLICY_APPLIED' or (status = 'CLOSED' and n % 4 <> 0) then 'APPLY_POLICY'
            when status in ('POLICY_NOT_APPLIED', 'CLOSED') then 'DO_NOT_APPLY_POLICY' end as outcome,
       case when status in ('POLICY_APPLIED', 'POLICY_NOT_APPLIED', 'CLOSED') then referred_on + 40 end as decided_on,
       (array['Housing', 'Highways', 'Waste', 'Council Tax', 'Planning', 'Adult Social Care', 'Children''s Services',
              'Environmental Health', 'Parking', 'Benefits', 'Education', 'Customer Services'])[1 + (n * 31) % 12]
           as department,
       b between 20 and 49 as removed
from (select n, pg_temp.uid('case', n) as id, 1 + (n - 1) % :customers as customer_n, b,
             case when b < 58 then 'CLOSED' when b < 66 then 'REFERRED' when b < 72 then 'INFORMAL_STAGE_COMPLETED'
                  when b < 76 then 'ASSESSED' when b < 78 then 'CASE_CONFERENCE_HELD' when b < 92 then 'POLICY_APPLIED'
                  else 'POLICY_NOT_APPLIED' end as status,
             closed_on, coalesce(closed_on - 60 - n % 300, :'today'::date - 45 - n % 700) as referred_on
      from (select n, n % 100 as b,
                   case when n % 100 < 20 then :'today'::date - 400 - (n * 13) % 700
                        when n % 100 < 50 then :'today'::date - 1100 - (n * 17) % 1700
                        when n % 100 < 58 then :'today'::date - 5 - n % 330 end as closed_on
            from generate_series(1, :cases) as n) as g) as k;
select pg_temp.report('cases worked out', :ROW_COUNT, :'t0');

-- ---- Customers: the first case of each customer is their first contact with the procedure.
select clock_timestamp() as t0 \gset
insert into customer (id, full_name, name_key, email, email_key, phone, address_line1, town, postcode, postcode_key,
                      preferred_channel, communication_needs, created_at, updated_at, version)
select pg_temp.uid('customer', c.n), f.first || ' ' || f.last || ' ' || c.n,
       lower(f.first || ' ' || f.last || ' ' || c.n),
       case when c.n % 5 <> 0 then lower(f.first || '.' || f.last || c.n) || '@example.org' end,
       case when c.n % 5 <> 0 then lower(f.first || '.' || f.last || c.n) || '@example.org' end,
       case when c.n % 7 <> 0 then '+447700' || lpad((c.n % 1000000)::text, 6, '0') end,
       c.n % 300 + 1 || ' ' || f.street, f.town, f.outward || ' ' || (c.n % 10) || chr(65 + c.n % 26) || chr(65 + c.n / 26 % 26),
       f.outward || (c.n % 10) || chr(65 + c.n % 26) || chr(65 + c.n / 26 % 26),
       case c.n % 4 when 0 then 'EMAIL' when 1 then 'LETTER' when 2 then 'TELEPHONE' end,
       case when c.n % 20 = 0 then '{LARGE_PRINT}' when c.n % 33 = 0 then '{ACTS_THROUGH_ADVOCATE}' else '{}' end::varchar[],
       k.created_at - interval '2 days', k.created_at - interval '2 days', 0
from (select generate_series(1, :customers) as n) as c
join bench_case k on k.n = c.n
cross join lateral (select (array['Alex', 'Sam', 'Jo', 'Chris', 'Pat', 'Morgan', 'Robin', 'Taylor', 'Jamie', 'Casey',
                                  'Dylan', 'Rhys', 'Siân', 'Priya', 'Mohammed', 'Aisha'])[1 + c.n % 16] as first,
                           (array['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson',
                                  'Thomas', 'Roberts', 'Khan', 'Patel', 'O''Brien', 'Hughes'])[1 + c.n / 16 % 14] as last,
                           (array['Mill Lane', 'High Street', 'Station Road', 'Church Road', 'Park Avenue',
                                  'Victoria Road'])[1 + c.n / 7 % 6] as street,
                           (array['Exeter', 'Exmouth', 'Crediton', 'Tiverton'])[1 + c.n / 3 % 4] as town,
                           (array['EX1', 'EX2', 'EX4', 'EX8', 'EX17', 'EX16'])[1 + c.n / 5 % 6] as outward) as f;
select pg_temp.report('customer', :ROW_COUNT, :'t0');

-- ---- Cases, with their forms as far as each has gone.
select clock_timestamp() as t0 \gset
insert into policy_case (id, customer_id, matter, department, classifications, status, referral, referred_by_subject,
                         referred_by_name, referred_at, referred_on, prior_warning, preconditions, assessment,
                         case_conference, closure, next_review_on, evidence_count, personal_data_removed_on,
                         created_at, updated_at, version)
select k.id, pg_temp.uid('customer', k.customer_n),
       case when k.removed then '[removed]' else 'Repeated contact about ' || lower(k.department) || ' matter ' || k.n end,
       k.department,
       case k.n % 5 when 0 then '{UNACCEPTABLE_BEHAVIOUR}' when 1 then '{UNREASONABLY_PERSISTENT,UNACCEPTABLE_BEHAVIOUR}'
                    when 2 then '{COMPLEX}' else '{UNREASONABLY_PERSISTENT}' end::varchar[],
       k.status,
       jsonb_build_object('background', case when k.removed then '[removed]'
                                             else 'Forty emails in six weeks on a closed complaint, case ' || k.n end,
           'documents', jsonb_build_array(jsonb_build_object('title', 'Stage 2 response', 'reference', 'DMS-' || k.n)),
           'checklist', jsonb_build_object('complaintsProcedureExhausted', true,
               'ombudsman', jsonb_build_object('involved', k.n % 3 = 0),
               'mpOrCouncillor', jsonb_build_object('involved', false),
               'independentInvestigator', jsonb_build_object('involved', false), 'meetingHeld', k.n % 2 = 0,
               'alternativesTried', jsonb_build_array(jsonb_build_object('alternative', 'MEDIATION', 'result', 'Declined')))),
       'officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40, k.created_at, k.referred_on,
       case when k.status <> 'REFERRED' then jsonb_build_object('type', 'WARNING_LETTER',
           'explanationGivenOn', pg_temp.jd(k.referred_on + 10), 'sentOn', pg_temp.jd(k.referred_on + 10),
           'channel', 'LETTER', 'summary', case when k.removed then '[removed]' else 'Asked the customer to write once a week.' end,
           'recordedBy', pg_temp.actor('officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40),
           'recordedAt', pg_temp.ji(k.created_at + interval '10 days')) end,
       case when k.status not in ('REFERRED', 'INFORMAL_STAGE_COMPLETED') then jsonb_build_object(
           'complaintProperlyInvestigated', jsonb_build_object('met', true, 'note', 'Stage 2'),
           'suitableCommunication', jsonb_build_object('met', true), 'deadlinesGiven', jsonb_build_object('met', true),
           'noSignificantNewInformation', jsonb_build_object('met', true),
           'councilsOwnMatter', jsonb_build_object('met', true),
           'healthAndDisabilityConsidered', jsonb_build_object('met', true),
           'recordedBy', pg_temp.actor('officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40),
           'recordedAt', pg_temp.ji(k.created_at + interval '20 days')) end,
       case when k.status not in ('REFERRED', 'INFORMAL_STAGE_COMPLETED') then jsonb_build_object(
           'summary', case when k.removed then '[removed]' else 'Contact continued after the warning.' end,
           'recommendation', coalesce(k.outcome, 'APPLY_POLICY'),
           'assessedBy', pg_temp.actor('officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40),
           'assessedAt', pg_temp.ji(k.created_at + interval '25 days')) end,
       case when k.status not in ('REFERRED', 'INFORMAL_STAGE_COMPLETED', 'ASSESSED') and k.n % 3 = 0 then jsonb_build_object(
           'heldOn', pg_temp.jd(k.referred_on + 35), 'chair', 'Head of Customer Services',
           'servicesAttending', jsonb_build_array(k.department, 'Legal'),
           'summary', case when k.removed then '[removed]' else 'Agreed a single point of contact.' end,
           'agreedActions', jsonb_build_array(jsonb_build_object('action', 'Name a contact', 'owner', 'Service manager',
                                                                 'dueOn', pg_temp.jd(k.referred_on + 39))),
           'recordedBy', pg_temp.actor('officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40),
           'recordedAt', pg_temp.ji(k.created_at + interval '35 days')) end,
       case when k.status = 'CLOSED' then jsonb_build_object(
           'reason', case when k.outcome = 'DO_NOT_APPLY_POLICY' then 'POLICY_NOT_APPLIED'
                          else (array['LIFTED_AFTER_REVIEW', 'BEHAVIOUR_IMPROVED', 'REFERRAL_WITHDRAWN', 'OTHER'])[1 + k.n / 4 % 4] end,
           'notes', case when k.removed then '[removed]' else 'Quiet since the review, case ' || k.n end,
           'closedOn', pg_temp.jd(k.closed_on), 'closedBy', pg_temp.actor('owner-' || k.n % 5, 'Policy Owner ' || k.n % 5),
           'recordedAt', pg_temp.ji((k.closed_on + time '15:00') at time zone 'Europe/London')) end,
       case when k.status = 'POLICY_APPLIED' then greatest(k.decided_on + 28, :'today'::date - 20 + k.n / 100 % 200) end,
       1,
       case when k.removed then k.closed_on + 366 end,
       k.created_at, coalesce((k.closed_on + time '15:00') at time zone 'Europe/London', k.created_at + interval '40 days'),
       case k.status when 'REFERRED' then 0 when 'INFORMAL_STAGE_COMPLETED' then 1 when 'ASSESSED' then 3
                     when 'CASE_CONFERENCE_HELD' then 4 when 'CLOSED' then 6 else 5 end
from bench_case k;
select pg_temp.report('policy_case', :ROW_COUNT, :'t0');

select clock_timestamp() as t0 \gset
insert into decision (id, case_id, outcome, decided_on, reasons, agreed_actions, customer_told_on, review_on,
                      decided_by_subject, decided_by_name, decided_as, recorded_at, final_on)
select pg_temp.uid('decision', k.n), k.id, k.outcome, k.decided_on,
       case when k.removed then '[removed]' else 'Unreasonably persistent contact on a closed matter, case ' || k.n end,
       '{"items":[{"type":"NAMED_CONTACT","details":"Service complaints officer"},{"type":"RESTRICTED_MEANS_OF_CONTACT"}]}',
       k.decided_on + 1, case when k.status = 'POLICY_APPLIED' then greatest(k.decided_on + 28, :'today'::date - 20 + k.n / 100 % 200) end,
       'decider-' || k.n % 10, 'Decision Maker ' || k.n % 10,
       'Departmental Representative and Head of Customer Contact',
       (k.decided_on + time '11:00') at time zone 'Europe/London',
       case when k.decided_on + 29 < :'today'::date then k.decided_on + 29 end
from bench_case k where k.outcome is not null;
select pg_temp.report('decision', :ROW_COUNT, :'t0');

select clock_timestamp() as t0 \gset
insert into evidence_entry (id, case_id, sequence, occurred_at, channel, officer, behaviours, summary,
                            recorded_by_subject, recorded_by_name, recorded_at)
select pg_temp.uid('evidence', k.n), k.id, 1, k.created_at - interval '3 days',
       (array['TELEPHONE', 'EMAIL', 'FACE_TO_FACE', 'LETTER'])[1 + k.n % 4],
       case when k.removed then '[removed]' else 'Officer ' || k.n % 40 end,
       (array['{REPETITION}', '{ABUSIVE_OR_THREATENING_CONDUCT}', '{EXCESSIVE_DEMANDS,REPETITION}',
              '{TARGETING_STAFF}'])[1 + k.n / 4 % 4]::varchar[],
       case when k.removed then '[removed]' else 'What the customer said, case ' || k.n end,
       'officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40, k.created_at
from bench_case k;
select pg_temp.report('evidence_entry', :ROW_COUNT, :'t0');

-- ---- Restrictions: spread over the cases that applied the policy (in force while the case is open, lifted when it
-- closed, as closing a case lifts them), about 3.5 each.
select clock_timestamp() as t0 \gset
create temporary table bench_applied as
select row_number() over (order by n) as a, n, id, customer_n, status, closed_on, decided_on, removed
from bench_case where outcome = 'APPLY_POLICY';
select count(*) as applied from bench_applied \gset
insert into restriction (id, customer_id, case_id, decision_id, emergency, lineage_id, version_number, type, terms,
                         scope, starts_on, effective_until, reasons, statutory_services, lifted, lifted_on,
                         lifting_reasons, lifted_by_subject, lifted_by_name, imposed_by_subject, imposed_by_name,
                         imposed_at, lock_version)
select r.id, pg_temp.uid('customer', k.customer_n), k.id, pg_temp.uid('decision', k.n), false, r.id, 1, t.type,
       t.terms, case when r.i % 2 = 0 then 'ALL_MATTERS' else 'THIS_MATTER' end, k.decided_on + 2,
       case when k.status = 'CLOSED' then k.closed_on - 1 end,
       case when k.removed then '[removed]' else 'Repeated abusive calls to several officers, case ' || k.n end, '{}',
       k.status = 'CLOSED', k.closed_on,
       case when k.status = 'CLOSED' then case when k.removed then '[removed]' else 'The case was closed, so its restrictions end.' end end,
       case when k.status = 'CLOSED' then 'owner-' || k.n % 5 end,
       case when k.status = 'CLOSED' then 'Policy Owner ' || k.n % 5 end,
       'decider-' || k.n % 10, 'Decision Maker ' || k.n % 10,
       (k.decided_on + 2 + time '12:00') at time zone 'Europe/London' + make_interval(secs => r.i % 3600), 0
from (select i, gen_random_uuid() as id, 1 + (i - 1) % :applied as a from generate_series(1::bigint, :restrictions) as i) as r
join bench_applied k on k.a = r.a
join (values
    (0, 'CHANNEL_LIMIT', '{"type":"CHANNEL_LIMIT","allowedChannels":["LETTER","EMAIL"],"dedicatedEmailAddress":null}'),
    (1, 'TIME_WINDOWS', '{"type":"TIME_WINDOWS","channels":["TELEPHONE"],"windows":[{"days":["TUESDAY","THURSDAY"],"from":"10:00","to":"12:00"}]}'),
    (2, 'SINGLE_POINT_OF_CONTACT', '{"type":"SINGLE_POINT_OF_CONTACT","officer":{"name":"Jo Contact","email":"jo@example.gov.uk","phone":null},"deputy":null}'),
    (3, 'CONTACT_CAP', '{"type":"CONTACT_CAP","maxContacts":5,"per":"WEEK","maxCallMinutes":15}'),
    (4, 'NO_FACE_TO_FACE', '{"type":"NO_FACE_TO_FACE"}'),
    (5, 'WITNESS_REQUIRED', '{"type":"WITNESS_REQUIRED"}'),
    (6, 'PREMISES_BAN', '{"type":"PREMISES_BAN","premises":["Civic Centre"]}'),
    (7, 'MEETINGS_BY_APPOINTMENT', '{"type":"MEETINGS_BY_APPOINTMENT","offices":"Civic Centre"}'),
    (8, 'MATTER_CLOSED', '{"type":"MATTER_CLOSED","acknowledge":true}'),
    (9, 'OTHER', '{"type":"OTHER","description":"Correspondence through the solicitor only."}')
) as t(k, type, terms) on t.k = (r.i / :applied + r.a) % 10;
select pg_temp.report('restriction', :ROW_COUNT, :'t0');

-- ---- Contacts the contact check recorded, over the eight years, more of them recent.
select clock_timestamp() as t0 \gset
insert into contact (id, customer_id, channel, occurred_at, new_complaint, verdict, recorded_by_subject,
                     recorded_by_name)
select gen_random_uuid(), pg_temp.uid('customer', 1 + (i * 7919) % :customers),
       (array['TELEPHONE', 'EMAIL', 'LETTER', 'FACE_TO_FACE', 'ONLINE_FORM', 'TELEPHONE'])[1 + i % 6],
       now() - make_interval(secs => 2920 * 86400 * power((i * 104729 % 1000003) / 1000003.0, 1.5)),
       i % 25 = 0,
       (array['ALLOW', 'ALLOW', 'ALLOW', 'ALLOW', 'ALLOW', 'ALLOW', 'REFUSE_CHANNEL', 'REDIRECT_TO_NAMED_OFFICER',
              'READ_AND_FILE', 'CAP_REACHED', 'OUTSIDE_PERMITTED_TIMES', 'ALLOW_AS_NEW_COMPLAINT'])[1 + i % 12],
       'centre-' || i % 60, 'Contact Centre ' || i % 60
from generate_series(1::bigint, :contacts) as i;
select pg_temp.report('contact', :ROW_COUNT, :'t0');

-- ---- The register: entries in force about properties (a quarter also about a customer on record), each with its
-- version in force. The lookup JSON as bench/contact-check/generate-register.sql writes it (checked there against
-- the service).
select clock_timestamp() as t0 \gset
create temporary table bench_entry as
select m, pg_temp.uid('entry', m) as id, pg_temp.uid('entry-version', m) as version_id,
       'ST' || (1 + (m - 1) / 6760) || ' ' || ((m - 1) / 676 % 10) || chr(65 + (m - 1) / 26 % 26) || chr(65 + (m - 1) % 26) as postcode,
       m || ' Register Street' as line1, m || ' register street' as address_key, (3455000000 + m)::text as uprn,
       case when m % 4 = 3 then 1 + (m * 13) % :customers end as customer_n,
       (array['LOW', 'MEDIUM', 'HIGH'])[1 + m / 3 % 3] as risk_level
from generate_series(1, :entries) as m;
begin; -- an entry and its version in force point at each other: checked at commit
insert into register_entry (id, state, in_force_version_id, about_customer_id, customer_id, name_key, postcode_key,
                            address_key, uprn, lookup, next_review_on, created_by_subject, created_by_name,
                            created_at, updated_at, version)
select e.id, 'APPROVED', e.version_id, c.id, c.id, c.name_key, replace(e.postcode, ' ', ''), e.address_key, e.uprn,
       '{"appliesTo":{"customerId":' || coalesce(to_json(c.id::text)::text, 'null') || ',"fullName":'
           || coalesce(to_json(c.full_name)::text, 'null') || ',"line1":' || to_json(e.line1)::text || ',"postcode":'
           || to_json(e.postcode)::text || ',"uprn":' || to_json(e.uprn)::text || '},"riskLevel":"' || e.risk_level
           || '","precautions":[{"code":"VISIT_IN_PAIRS","label":"Visit in pairs","note":null}],'
           || '"communication":{"channels":["LETTER","TELEPHONE"],"arrangements":"Letters to the tenant; telephone before any visit."}}',
       :'today'::date + 365 - e.m % 300, 'register-author', 'Register Author',
       now() - make_interval(days => 60 + e.m % 2000), now() - make_interval(days => 30 + e.m % 30), 1
from bench_entry e left join customer c on c.id = pg_temp.uid('customer', e.customer_n);
insert into register_entry_version (id, entry_id, number, state, content, authored_by_subject, authored_by_name,
                                    authored_at, written_by, approved_by_subject, approved_by_name, approved_at)
select e.version_id, e.id, 1, 'APPROVED',
       jsonb_build_object(
           'person', case when e.customer_n is not null then jsonb_build_object('customerId', pg_temp.uid('customer', e.customer_n),
               'connection', 'Lives at the address.') end,
           'property', jsonb_build_object('address', jsonb_build_object('line1', e.line1, 'town', 'Stoke-on-Trent',
               'postcode', e.postcode), 'uprn', e.uprn),
           'incidents', jsonb_build_array(jsonb_build_object('occurredOn', pg_temp.jd(:'today'::date - 90),
               'whatHappened', 'Threatened the visiting officer at the door.', 'witnessedBy', 'Housing officer',
               'source', 'Incident report')),
           'riskLevel', e.risk_level,
           'precautions', jsonb_build_array(jsonb_build_object('code', 'VISIT_IN_PAIRS')),
           'communication', jsonb_build_object('channels', jsonb_build_array('LETTER', 'TELEPHONE'),
               'arrangements', 'Letters to the tenant; telephone before any visit.')),
       'register-author', 'Register Author', now() - make_interval(days => 60 + e.m % 2000), '{register-author}',
       'register-approver', 'Register Approver', now() - make_interval(days => 30 + e.m % 30)
from bench_entry e;
select pg_temp.report('register_entry (+version)', :ROW_COUNT, :'t0');
commit;

-- ---- The audit trail, in proportion: each customer's creation, each case's referral and the latest step it took,
-- each evidence entry and each restriction imposed (contacts, lifts and letters are left out to keep the load short).
select clock_timestamp() as t0 \gset
insert into audit_event (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id, case_id,
                         changed_fields)
select gen_random_uuid(), c.created_at + interval '1 ms', 'officer-1', 'Complaints Officer 1',
       'CUSTOMER_CREATED', 'CUSTOMER', c.id, null::uuid, '{fullName,email,phone,address}'::varchar[]
from customer c
union all
select gen_random_uuid(), k.created_at + interval '5 ms', 'officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40,
       'CASE_REFERRED', 'CASE', k.id, k.id, '{customerId,matter,department,classifications,referral}'
from bench_case k
union all
select gen_random_uuid(),
       case k.status when 'CLOSED' then (k.closed_on + time '15:00') at time zone 'Europe/London'
                     when 'INFORMAL_STAGE_COMPLETED' then k.created_at + interval '10 days'
                     when 'ASSESSED' then k.created_at + interval '25 days'
                     when 'CASE_CONFERENCE_HELD' then k.created_at + interval '35 days'
                     else (k.decided_on + time '11:00') at time zone 'Europe/London' end,
       'decider-' || k.n % 10, 'Decision Maker ' || k.n % 10,
       case k.status when 'CLOSED' then 'CASE_CLOSED' when 'INFORMAL_STAGE_COMPLETED' then 'PRIOR_WARNING_RECORDED'
                     when 'ASSESSED' then 'ASSESSMENT_RECORDED' when 'CASE_CONFERENCE_HELD' then 'CASE_CONFERENCE_RECORDED'
                     else 'DECISION_RECORDED' end,
       'CASE', k.id, k.id, '{status}'
from bench_case k where k.status <> 'REFERRED'
union all
select gen_random_uuid(), k.created_at, 'officer-' || k.n % 40, 'Complaints Officer ' || k.n % 40, 'EVIDENCE_RECORDED',
       'EVIDENCE_ENTRY', pg_temp.uid('evidence', k.n), k.id, '{occurredAt,channel,officer,behaviours,summary,corrects}'
from bench_case k
union all
select gen_random_uuid(), r.imposed_at + interval '1 ms', r.imposed_by_subject, r.imposed_by_name, 'RESTRICTION_IMPOSED',
       'RESTRICTION', r.id, r.case_id, '{terms,scope,startsOn,endsOn,reasons}'
from restriction r;
select pg_temp.report('audit_event', :ROW_COUNT, :'t0');

select clock_timestamp() as t0 \gset
analyze customer, policy_case, decision, evidence_entry, restriction, contact, register_entry, register_entry_version,
    audit_event;
select pg_temp.report('analyze', 0, :'t0');

select format('%-26s %16s %8s s   (database now %s)', 'total', '',
              round(extract(epoch from clock_timestamp() - :'started'::timestamptz), 1),
              pg_size_pretty(pg_database_size(current_database())));
\pset tuples_only off
\pset format aligned
select status, count(*) as cases, count(*) filter (where personal_data_removed_on is not null) as anonymised
from policy_case group by status order by status;
