package org.hotline.notification.tracing;

import java.util.Map;
import org.hotline.notification.dispatch.application.MessageTraces;
import org.hotline.web.tracing.ComplaintTracing;

/** The messages' traces ({@link MessageTraces}) over the complaint's trace of the services ({@link ComplaintTracing}). */
final class ComplaintMessageTraces implements MessageTraces {

    private final ComplaintTracing tracing;

    ComplaintMessageTraces(ComplaintTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Map<String, String> current() {
        return tracing.currentContext();
    }

    @Override
    public Send sending(String complaintId, Map<String, String> planned, String template, String recipientType) {
        ComplaintTracing.Later later = tracing.later("send email", complaintId, planned,
                Map.of("hotline.email.template", template, "hotline.email.recipient_type", recipientType));
        return new Send() {
            @Override
            public Map<String, String> context() {
                return later.context();
            }

            @Override
            public Scope open() {
                return later.open()::close;
            }

            @Override
            public void end(String result) {
                later.end(result);
            }
        };
    }
}
