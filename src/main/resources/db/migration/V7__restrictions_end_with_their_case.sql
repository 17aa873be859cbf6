-- Before this version, closing a case left its restrictions in force: contact checks kept applying them and no review
-- would look at them again. Each one still to apply under a closed case is lifted as closing it now does: from the
-- day the case closed (so it stopped applying then), by the service on behalf of whoever closed the case, and audited.
-- No letter can be written here; the lifting is recorded so that one can be sent (see the audit events below).

create temporary table restriction_left_in_force on commit drop as
select r.id, r.case_id, (k.closure ->> 'closedOn')::date as closed_on
from restriction r
join policy_case k on k.id = r.case_id
where k.status = 'CLOSED'
  and not r.lifted
  and r.superseded_by is null
  and (r.effective_until is null or r.effective_until >= (k.closure ->> 'closedOn')::date);

update restriction r
set lifted            = true,
    lifted_on         = l.closed_on,
    lifting_reasons   = 'The case was closed on ' || l.closed_on || ', so its restrictions end (lifted by migration V7).',
    lifted_by_subject = 'urn:ubcs:migration:V7',
    lifted_by_name    = 'Unacceptable Behaviour Case Service (migration V7)',
    effective_until   = least(coalesce(r.effective_until, l.closed_on - 1), l.closed_on - 1)
from restriction_left_in_force l
where r.id = l.id;

insert into audit_event (id, occurred_at, actor_subject, actor_name, action, entity_type, entity_id, case_id,
                         changed_fields)
select gen_random_uuid(), now(), 'urn:ubcs:migration:V7', 'Unacceptable Behaviour Case Service (migration V7)',
       'RESTRICTION_LIFTED', 'RESTRICTION', l.id, l.case_id, array['lifting', 'state']
from restriction_left_in_force l;
