package io.kellydesk.app;

import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.UpstreamService;
import io.kellydesk.demo.DemoMarket;
import io.kellydesk.demo.DemoServices;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which services the desk polls: the configured ones, or the built-in demo services (started once, on loopback) when
 * asked or when nothing is configured. Says so in words for the status line and the empty tile grid.
 */
final class ServiceSources implements AutoCloseable {

    /** What to poll, and the words the window shows about it. {@code problem} when the demo could not start. */
    record Choice(ServicesSettings effective, String waiting, String status, Optional<String> problem) {
    }

    private final AppOptions options;
    private final Clock clock;
    private volatile DemoServices demo;

    ServiceSources(AppOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    synchronized Choice choose(ServicesSettings configured) {
        boolean useDemo = switch (options.demo()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !configured.anyConfigured();
        };
        ServicesSettings effective = configured;
        Optional<String> problem = Optional.empty();
        String source;
        if (useDemo) {
            try {
                if (demo == null) {
                    demo = DemoServices.start(DemoMarket.cmeEight(clock), 0);
                }
                Map<UpstreamService, ServicesSettings.Endpoint> endpoints = new EnumMap<>(UpstreamService.class);
                demo.baseUrls().forEach((service, url) -> endpoints.put(service, new ServicesSettings.Endpoint(url, Optional.empty())));
                effective = configured.withEndpoints(endpoints);
                source = "demo services on " + demo.baseUrls().get(UpstreamService.MARKET_DATA).replace("http://", "") + " …";
            } catch (IOException e) {
                problem = Optional.of("Could not start the demo services: " + e.getMessage());
                source = "no services";
            }
        } else {
            source = configured.anyConfigured() ? "configured services" : "no services configured (--no-demo)";
        }
        String waiting = useDemo ? "Waiting for the demo services to answer…"
                : configured.anyConfigured() ? "Waiting for the services to answer…"
                : "Demo services are off (--no-demo) and no service URL is configured in " + options.settingsFile().getFileName() + ".";
        String status = "Data: " + source + "   ·   Settings: " + UserDirectories.shortened(options.settingsFile())
                + "   ·   Log: " + UserDirectories.shortened(options.dataDir());
        return new Choice(effective, waiting, status, problem);
    }

    Optional<DemoServices> demo() {
        return Optional.ofNullable(demo);
    }

    @Override
    public synchronized void close() {
        if (demo != null) {
            demo.close();
        }
    }
}
