package org.duban.app.notification;

import org.duban.app.notification.OutboxStore.OutboxMessage;

/** Sends one message on its channel; a failure is thrown with the words the delivery log shows. */
interface Senders {

    void send(OutboxMessage message) throws SendFailed;

    class SendFailed extends Exception {
        SendFailed(String message) {
            super(message);
        }

        SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
