-- Retention (issue 11, section 1): personal data is removed once the profile's period after closure has run out.
-- What is removed is overwritten in place (free text becomes the neutral marker '[removed]', optional personal
-- columns become null); rows stay, so the counts, dates, classifications, outcomes, restriction types and verdicts
-- that statistics need survive, and every foreign key and NOT NULL constraint still holds. See README-retention.md.

-- The day a case's (or a customer's) personal data was removed; null while it is held.
alter table policy_case add column personal_data_removed_on date;
alter table customer add column personal_data_removed_on date;
-- The day a removed register entry's content was erased.
alter table register_entry add column content_erased_on date;

-- The job's work: closed cases not yet anonymised, by closure date (ISO dates compare as text, which keeps the
-- expression immutable and so indexable).
create index policy_case_retention_due on policy_case ((closure ->> 'closedOn'), id)
    where status = 'CLOSED' and personal_data_removed_on is null;
-- Idempotency records older than the retention period are deleted; audit events older than the audit retention.
create index idempotency_record_age on idempotency_record (created_at);
create index appeal_case on appeal (case_id) where case_id is not null;
create index letter_register_entry_all on letter (register_entry_id) where register_entry_id is not null;
create index review_case on review (case_id);
create index contact_case on contact (case_id);
create index read_and_file_case on read_and_file_item (case_id);
create index notification_case on notification (case_id) where case_id is not null;
create index register_entry_about on register_entry (about_customer_id) where about_customer_id is not null;

-- Holds that stop removal: a legal hold or an Ombudsman complaint, set and released by LEGAL with a reason.
create table case_hold (
    id                  uuid primary key,
    case_id             uuid          not null references policy_case (id),
    kind                varchar(30)   not null,
    reason              varchar(2000) not null,
    set_by_subject      varchar(255)  not null,
    set_by_name         varchar(255)  not null,
    set_at              timestamptz   not null,
    released_at         timestamptz,
    release_reason      varchar(2000),
    released_by_subject varchar(255),
    released_by_name    varchar(255),
    version             bigint        not null
);
create index case_hold_case on case_hold (case_id, set_at, id);
create index case_hold_active on case_hold (case_id) where released_at is null;

-- Replaces the string values of the named keys, at any depth, with the neutral marker; everything else (enums,
-- dates, flags, the shape the API reads) is kept. Irreversible: the old values are not kept anywhere.
create function ubcs_redact(doc jsonb, keys text[]) returns jsonb
    language plpgsql immutable as $$
declare
    result jsonb;
begin
    if doc is null then
        return null;
    end if;
    case jsonb_typeof(doc)
        when 'object' then
            select coalesce(jsonb_object_agg(k,
                       case when k = any (keys) and jsonb_typeof(v) = 'string' then to_jsonb('[removed]'::text)
                            else ubcs_redact(v, keys) end), '{}'::jsonb)
            into result from jsonb_each(doc) as e(k, v);
            return result;
        when 'array' then
            select coalesce(jsonb_agg(ubcs_redact(v, keys) order by n), '[]'::jsonb)
            into result from jsonb_array_elements(doc) with ordinality as e(v, n);
            return result;
        else
            return doc;
    end case;
end;
$$;

-- What stops the removal of a case's personal data now (comma-separated kinds, null when nothing): read with the
-- case, so that every read of a case shows it.
create function ubcs_case_held_by(case_id uuid) returns text
    language sql stable as $$
select string_agg(held.kind, ',' order by held.kind)
from (select h.kind from case_hold h where h.case_id = $1 and h.released_at is null
      union
      select 'OPEN_APPEAL' from appeal a where a.case_id = $1 and a.state in ('LODGED', 'LATE')) held
$$;

-- The day a customer's details become removable, before the retention period is added: the latest closure of their
-- cases, when every case is closed and held by nothing, no kept register entry is about them and no emergency
-- restriction of theirs is in force; otherwise null.
create function ubcs_customer_last_closure(customer_id uuid) returns date
    language sql stable as $$
select case
           when count(*) = 0 then null
           when bool_or(k.status <> 'CLOSED') then null
           when bool_or(ubcs_case_held_by(k.id) is not null) then null
           when exists (select 1 from register_entry e where (e.about_customer_id = $1 or e.customer_id = $1)
                            and e.content_erased_on is null) then null
           when exists (select 1 from restriction r where r.customer_id = $1 and r.case_id is null and not r.lifted)
               then null
           else max((k.closure ->> 'closedOn')::date) end
from policy_case k
where k.customer_id = $1
$$;
