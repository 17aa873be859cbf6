-- Review tasks say when they really open, and a case knows which of its reviews have opened.

-- Before this version a status review was created on the day the job first found the decision that old, due that
-- same day, with an opens_on a week earlier: a day the task did not exist. A scheduled review whose date was set
-- inside the lead time (or found late by the job) likewise claimed to open before it was created. Such a task
-- really opened on the day it was created. Due dates are left as they are: moving an open task's due date back to
-- the anniversary would make it overdue at once, and the overdue job would lapse or escalate it unheard.
-- A customer's request kept the earlier of its due date less the lead time and the day it was recorded; the day
-- it was received is not stored anywhere else, so those rows are left as they are (right whenever the request was
-- recorded within a week or so of its receipt).
update review
set opens_on = (created_at at time zone 'Europe/London')::date
where kind in ('SCHEDULED', 'STATUS_REVIEW')
  and opens_on < (created_at at time zone 'Europe/London')::date;

-- Whether a case has a review task open (or escalated): only then may a review outcome be recorded. Read with the
-- case, as its procedure's allowed steps depend on it.
create function ubcs_case_review_open(case_id uuid) returns boolean
    language sql stable as $$
select exists (select 1 from review r where r.case_id = $1 and r.state in ('OPEN', 'ESCALATED'))
$$;

-- Which of a case's coming reviews already have a task (comma-separated kinds): the scheduled review on its next
-- review date, and the status review (held once).
create function ubcs_case_reviews_opened(case_id uuid, next_review_on date) returns text
    language sql stable as $$
select string_agg(opened.kind, ',' order by opened.kind)
from (select 'SCHEDULED' as kind where exists (select 1 from review r where r.case_id = $1
                                               and r.kind = 'SCHEDULED' and r.due_on = $2)
      union
      select 'STATUS_REVIEW' where exists (select 1 from review r where r.case_id = $1
                                           and r.kind = 'STATUS_REVIEW')) opened
$$;
