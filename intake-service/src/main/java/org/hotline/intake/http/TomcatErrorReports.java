package org.hotline.intake.http;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's {@link ErrorReportValve} on the API port's host. The
 * host adds its report valve when it starts, just before it starts the application's context, so the swap is
 * made as the context starts.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final JsonMapper json;
    private final DataSize maxHeaderSize;

    TomcatErrorReports(JsonMapper json,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        this.json = json;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceReportValve(context.getParent());
            }
        }));
    }

    private void replaceReportValve(Container parent) {
        if (!(parent instanceof StandardHost host)) {
            return;
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                return;
            }
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemErrorReportValve(json, maxHeaderSize.toKilobytes()));
    }
}
