package io.kellydesk.store;

/** Where the log reports trouble it cannot fix itself (disk full, read-only, locked, queue full). */
public interface StorageAlarm {

    /** Something is wrong; the message says what and what the desk does meanwhile. */
    void raised(String message);

    /** The earlier trouble is over. */
    void cleared(String message);

    StorageAlarm NONE = new StorageAlarm() {
        @Override
        public void raised(String message) {
        }

        @Override
        public void cleared(String message) {
        }
    };
}
