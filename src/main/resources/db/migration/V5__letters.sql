-- Letters to the customer. Each is rendered once, when the step that needs it is taken, and kept exactly as written:
-- a later change to the templates or the policy profile never rewrites a letter already issued.

create table letter (
    id              uuid primary key,
    customer_id     uuid          not null references customer (id),
    -- Null for a letter not tied to a case (an emergency restriction imposed before any case).
    case_id         uuid          references policy_case (id),
    kind            varchar(30)   not null,
    -- In the order they appear in the letter (Welsh first when bilingual). An array, not JSON: Hibernate Reactive
    -- binds JSON columns as objects only.
    languages       varchar(2)[]  not null,
    subject         varchar(500)  not null,
    html            text          not null,
    body_text       text          not null,
    created_at      timestamptz   not null,
    sent_on         date,
    sent_by_subject varchar(255),
    sent_by_name    varchar(255),
    version         bigint        not null,
    constraint letter_sent_by_whom check ((sent_on is null) = (sent_by_subject is null))
);
create index letter_customer on letter (customer_id, created_at, id);
create index letter_case on letter (case_id, created_at, id) where case_id is not null;
