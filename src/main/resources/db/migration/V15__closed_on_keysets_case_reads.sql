-- A case's closure date as a real column (issue: retention never found cases closed through the API).
-- The closure form is JSON written by Hibernate's own mapper, which stores a LocalDate as an array ([2026,12,4]),
-- not as ISO text: comparing (closure ->> 'closedOn') as text with an ISO date never matched such a case (the text
-- '[2026, 12, 4]' sorts after every ISO date), and casting it to date fails. Rows written by older code or by hand
-- may hold ISO text; both forms are read here once, and from now on the service writes closed_on itself.

-- A date kept in JSON, written either as ISO text ('2026-12-04') or as Hibernate writes a LocalDate ([2026,12,4]);
-- null for anything else. Immutable (no DateStyle-dependent cast), so it may be used in an index.
create function ubcs_json_date(value jsonb) returns date
    language sql immutable strict as $$
select case jsonb_typeof(value)
           when 'array' then make_date((value ->> 0)::int, (value ->> 1)::int, (value ->> 2)::int)
           when 'string' then make_date(substr(value #>> '{}', 1, 4)::int, substr(value #>> '{}', 6, 2)::int,
                                        substr(value #>> '{}', 9, 2)::int)
       end
$$;

alter table policy_case add column closed_on date;
update policy_case set closed_on = ubcs_json_date(closure -> 'closedOn') where closure is not null;

-- The retention job's work: closed cases not yet anonymised, oldest closure first.
drop index policy_case_retention_due;
create index policy_case_retention_due on policy_case (closed_on, id)
    where status = 'CLOSED' and personal_data_removed_on is null;

-- Removed register entries whose content is not yet erased, by removal date (the removal form's LocalDate has the
-- same two forms as the closure's).
create index register_entry_erasure_due on register_entry (ubcs_json_date(removal -> 'removedOn'), id)
    where state = 'REMOVED' and content_erased_on is null;

-- As in V12, with the closure date read from its column.
create or replace function ubcs_customer_last_closure(customer_id uuid) returns date
    language sql stable as $$
select case
           when count(*) = 0 then null
           when bool_or(k.status <> 'CLOSED') then null
           when bool_or(ubcs_case_held_by(k.id) is not null) then null
           when exists (select 1 from register_entry e where (e.about_customer_id = $1 or e.customer_id = $1)
                            and e.content_erased_on is null) then null
           when exists (select 1 from restriction r where r.customer_id = $1 and r.case_id is null and not r.lifted)
               then null
           else max(k.closed_on) end
from policy_case k
where k.customer_id = $1
$$;

-- Keyset paging: every list pages with the row comparison (time, id) > (:at, :id) (org.ubcs.paging.PageQuery),
-- which PostgreSQL uses as an index condition when a btree index on (time, id) serves the list's order.
-- GET /reviews pages by created_at; review_page is on (due_on, id).
create index review_created_page on review (created_at, id);
-- An entity's or a case's audit trail (GET /audit-events?entityId=, GET /cases/{id}/history) pages by
-- (occurred_at, id) within the entity or case: the id completes the order the cursor continues.
create index audit_event_entity_page on audit_event (entity_id, occurred_at, id);
create index audit_event_case_page on audit_event (case_id, occurred_at, id);
drop index audit_event_entity;
drop index audit_event_case;
