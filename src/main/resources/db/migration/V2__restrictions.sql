-- Restrictions (every version), contacts recorded by the contact check, and the read-and-file screening queue.

create table restriction (
    id                   uuid primary key,
    customer_id          uuid          not null references customer (id),
    case_id              uuid references policy_case (id),
    decision_id          uuid references decision (id),
    emergency            boolean       not null,
    lineage_id           uuid          not null,
    version_number       integer       not null,
    supersedes           uuid references restriction (id),
    superseded_by        uuid references restriction (id),
    type                 varchar(40)   not null,
    terms                text          not null,
    scope                varchar(20)   not null,
    starts_on            date          not null,
    ends_on              date,
    effective_until      date,
    reasons              varchar(4000) not null,
    statutory_services   varchar(200)[] not null default '{}',
    legal_basis          varchar(2000),
    adjustments_override varchar(2000),
    lifted               boolean       not null default false,
    lifted_on            date,
    lifting_reasons      varchar(4000),
    lifted_by_subject    varchar(255),
    lifted_by_name       varchar(255),
    imposed_by_subject   varchar(255)  not null,
    imposed_by_name      varchar(255)  not null,
    imposed_at           timestamptz   not null,
    incident             varchar(4000),
    assessment_due_on    date,
    follow_up            jsonb,
    lock_version         bigint        not null,
    unique (lineage_id, version_number)
);
-- The contact check's query: a customer's restrictions that are not lifted.
create index restriction_in_force on restriction (customer_id) where not lifted;
create index restriction_page on restriction (imposed_at, id);
create index restriction_case on restriction (case_id);
create index restriction_lineage on restriction (lineage_id);

create table contact (
    id                  uuid primary key,
    customer_id         uuid         not null references customer (id),
    case_id             uuid references policy_case (id),
    channel             varchar(20)  not null,
    occurred_at         timestamptz  not null,
    new_complaint       boolean      not null,
    verdict             varchar(40)  not null,
    recorded_by_subject varchar(255) not null,
    recorded_by_name    varchar(255) not null
);
-- Counting a customer's contacts in a week or month, for contact caps.
create index contact_customer_time on contact (customer_id, occurred_at);

create table read_and_file_item (
    id             uuid primary key,
    customer_id    uuid         not null references customer (id),
    case_id        uuid references policy_case (id),
    restriction_id uuid         not null references restriction (id),
    contact_id     uuid         not null references contact (id),
    channel        varchar(20)  not null,
    received_at    timestamptz  not null,
    due_on         date         not null,
    screened       boolean      not null default false,
    screening      jsonb,
    version        bigint       not null
);
create index read_and_file_queue on read_and_file_item (screened, received_at, id);
