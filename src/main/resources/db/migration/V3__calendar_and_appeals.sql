-- Holidays added or removed by the policy owner, and appeals with their working-day deadlines.

create table calendar_override (
    id                 uuid primary key,
    region             varchar(30)  not null,
    date               date         not null,
    kind               varchar(20)  not null,
    name               varchar(200) not null,
    created_by_subject varchar(255) not null,
    created_by_name    varchar(255) not null,
    created_at         timestamptz  not null,
    unique (region, date)
);

create table appeal (
    id                uuid primary key,
    decision_id       uuid           not null references decision (id),
    case_id           uuid           not null references policy_case (id),
    customer_id       uuid           not null references customer (id),
    received_on       date           not null,
    channel           varchar(20)    not null,
    grounds           varchar(40)[]  not null,
    text              varchar(10000) not null,
    state             varchar(30)    not null,
    late              boolean        not null,
    decision_told_on  date           not null,
    appeal_by         date           not null,
    decision_due_on   date,
    late_acceptance   jsonb,
    refusal           jsonb,
    withdrawal        jsonb,
    outcome           jsonb,
    lodged_by_subject varchar(255)   not null,
    lodged_by_name    varchar(255)   not null,
    lodged_at         timestamptz    not null,
    version           bigint         not null
);
create index appeal_page on appeal (lodged_at, id);
create index appeal_decision on appeal (decision_id);
-- Open appeals: those recomputed when the calendar changes, and listed by due date.
create index appeal_open on appeal (state, decision_due_on) where state in ('LATE', 'LODGED');
-- One live appeal per decision, whatever races the service.
create unique index appeal_one_live on appeal (decision_id) where state in ('LATE', 'LODGED');
create index decision_applied on decision (recorded_at, id) where outcome = 'APPLY_POLICY';
