package org.hotline.web.http;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's {@link ErrorReportValve} on the API port's host, so
 * that what Tomcat refuses itself is answered as problem JSON, not as an HTML page. The host adds its report valve
 * when it starts, just before it starts the application's context, so the swap is made as the context starts.
 * A service declares it as a bean, with {@code server.max-http-request-header-size}.
 */
public final class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final JsonMapper json;
    private final String limits;

    /**
     * @param maxHeaderSize {@code server.max-http-request-header-size}, which the answer states
     * @param otherLimits further limits of the service's own that a client may have broken, as the answer states
     *     them (e.g. "an Idempotency-Key at most 255 characters")
     */
    public TomcatErrorReports(JsonMapper json, DataSize maxHeaderSize, List<String> otherLimits) {
        this.json = json;
        List<String> limits = new ArrayList<>();
        limits.add("all headers together may take " + maxHeaderSize.toKilobytes() + " KiB");
        limits.addAll(otherLimits);
        this.limits = String.join("; ", limits);
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
        host.getPipeline().addValve(new ProblemErrorReportValve(json, limits));
    }
}
