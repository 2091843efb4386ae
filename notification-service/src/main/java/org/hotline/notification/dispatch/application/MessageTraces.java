package org.hotline.notification.dispatch.application;

import java.util.Map;

/**
 * Carries a complaint's trace from the planning of its messages to their sending (docs/operations.md, "Following
 * one complaint"): a message is planned while its record is read, in the record's trace, and sent later on a
 * sender's thread. Its planning context goes with it (in memory, as the {@code traceparent} header it would have),
 * and its send is a span of that trace, which the lines about its result and its outcome record carry on.
 */
public interface MessageTraces {

    /** The trace the calling thread works in now, as the headers that carry it; empty outside one. */
    Map<String, String> current();

    /**
     * Starts the span of one message's send, in the trace its planning context carries (a new one when empty).
     *
     * @param template what is sent, and {@code recipientType} to whom: the span's tags (never an address)
     */
    Send sending(String complaintId, Map<String, String> planned, String template, String recipientType);

    /** One message's send, from before its SMTP transaction until its result is recorded. */
    interface Send {

        /** Its context, for the outcome record: the planning's when tracing is off. */
        Map<String, String> context();

        /** Current on this thread, its ids in the log lines, until closed. */
        Scope open();

        /** Ends it, with its result: {@code SENT}, or a failure's class. */
        void end(String result);
    }

    /** A span current on this thread until closed. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        @Override
        void close();
    }

    /** No tracing (tests): nothing is carried, and no span is made. */
    static MessageTraces off() {
        return new MessageTraces() {
            @Override
            public Map<String, String> current() {
                return Map.of();
            }

            @Override
            public Send sending(String complaintId, Map<String, String> planned, String template,
                    String recipientType) {
                return new Send() {
                    @Override
                    public Map<String, String> context() {
                        return planned;
                    }

                    @Override
                    public Scope open() {
                        return () -> { };
                    }

                    @Override
                    public void end(String result) {
                    }
                };
            }
        };
    }
}
