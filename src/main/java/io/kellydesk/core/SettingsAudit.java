package io.kellydesk.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where settings changes are recorded (the decision log); the settings service writes here before anything applies. */
public interface SettingsAudit {

    /** Why changes cannot be recorded now, in words for the officer; empty when they can. */
    Optional<String> unavailable();

    /** Records one change; completes once it is on disk, or fails with the reason. */
    CompletableFuture<Long> record(SettingsChangeRecord change);

    /** Every recorded change, newest first. */
    List<SettingsChangeRecord> changes() throws Exception;
}
