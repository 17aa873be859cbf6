-- Review tasks, fresh issues referred to the decision maker, the notification outbox, and final decisions.

create table review (
    id              uuid primary key,
    case_id         uuid          not null references policy_case (id),
    customer_id     uuid          not null references customer (id),
    kind            varchar(20)   not null,
    due_on          date          not null,
    opens_on        date          not null,
    assigned_to     varchar(200)  not null,
    state           varchar(20)   not null,
    request_reasons varchar(4000),
    outcome         jsonb,
    created_at      timestamptz   not null,
    version         bigint        not null
);
-- A case has one task per kind and due date, however many replicas run the job at once.
create unique index review_once on review (case_id, kind, due_on);
create index review_page on review (due_on, id);
create index review_open on review (state, due_on) where state in ('OPEN', 'ESCALATED');

create table fresh_issue (
    id                  uuid primary key,
    case_id             uuid          not null references policy_case (id),
    raised_on           date          not null,
    summary             varchar(4000) not null,
    referred_to         varchar(200)  not null,
    recorded_by_subject varchar(255)  not null,
    recorded_by_name    varchar(255)  not null,
    recorded_at         timestamptz   not null
);
create index fresh_issue_case on fresh_issue (case_id);

create table notification (
    id              uuid primary key,
    -- The event and recipient it tells of: the same event never notifies the same recipient twice.
    dedupe_key      varchar(200)  not null unique,
    kind            varchar(60)   not null,
    recipient       varchar(40)   not null,
    subject         varchar(300)  not null,
    body            text          not null,
    case_id         uuid references policy_case (id),
    state           varchar(10)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    lease_until     timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    version         bigint        not null
);
create index notification_due on notification (next_attempt_at) where state = 'PENDING';
create index notification_page on notification (created_at, id);

-- A decision becomes final once its appeal window has closed with no appeal live.
alter table decision add column final_on date;
create index decision_not_final on decision (customer_told_on) where final_on is null and outcome = 'APPLY_POLICY';

-- The day the policy owner was told an item was overdue: each is flagged once, and the jobs skip flagged items.
alter table restriction add column overdue_flagged_on date;
alter table appeal add column overdue_flagged_on date;
alter table read_and_file_item add column overdue_flagged_on date;
