package io.kellydesk.core;

/** Where the window's state is kept between sessions (the settings package keeps it in a file). */
public interface ViewStateStore {

    /** The state last saved, or {@link ViewState#initial()} when there is none or it cannot be read. */
    ViewState load();

    /** Saves {@code state}; a failure is logged, never thrown (a lost layout costs a drag, not a session). */
    void save(ViewState state);

    static ViewStateStore inMemory() {
        return new ViewStateStore() {
            private volatile ViewState state = ViewState.initial();

            @Override
            public ViewState load() {
                return state;
            }

            @Override
            public void save(ViewState next) {
                state = next;
            }
        };
    }
}
