-- Notifications (docs/SUPERVISION-notifications.md). unit_notification_channel is a view kept by the channels
-- projection from UnitNotificationChannelsSet: how each unit is told besides its inbox (emails one per line).
-- notification_outbox and notification_delivery are not views and no rebuild touches them: the outbox holds one
-- message per (event, unit, channel), written in the transaction of the event, until the dispatcher has sent it or
-- given up; the delivery log records every attempt. Replaying events never writes to them again.
create table unit_notification_channel (
    unit_id        varchar(255)  not null,
    emails         varchar(3000),
    email_on       boolean       not null,
    webhook_url    varchar(2000),
    webhook_kind   varchar(16),
    webhook_secret varchar(200),
    webhook_on     boolean       not null,
    set_at         timestamp(6) with time zone not null,
    primary key (unit_id)
);

create table notification_outbox (
    id              varchar(255)  not null,
    event_id        varchar(255)  not null,
    event_type      varchar(100)  not null,
    unit_id         varchar(255)  not null,
    unit_name       varchar(200)  not null,
    channel         varchar(16)   not null,
    recipient       varchar(3000) not null,
    subject         varchar(500)  not null,
    body            varchar(4000) not null,
    link            varchar(2000),
    listed          boolean       not null,
    status          varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp(6) with time zone not null,
    held            boolean       not null,
    claimed_by      varchar(100),
    claimed_until   timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    done_at         timestamp(6) with time zone,
    last_error      varchar(2000),
    primary key (id)
);
create index ix_notification_outbox_due on notification_outbox (status, next_attempt_at);

create table notification_delivery (
    id           varchar(255)  not null,
    outbox_id    varchar(255)  not null,
    event_id     varchar(255)  not null,
    event_type   varchar(100)  not null,
    unit_id      varchar(255)  not null,
    unit_name    varchar(200)  not null,
    channel      varchar(16)   not null,
    recipient    varchar(3000) not null,
    attempt      integer       not null,
    attempted_at timestamp(6) with time zone not null,
    outcome      varchar(16)   not null,
    error        varchar(2000),
    primary key (id)
);
create index ix_notification_delivery_unit on notification_delivery (unit_id, attempted_at);
create index ix_notification_delivery_time on notification_delivery (attempted_at);
