package io.kellydesk.desk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.core.ViewState.WindowBounds;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    @Test
    void onASmallScreenTheWindowFitsInsteadOfHangingOffTheTopLeft() {
        WindowBounds screen = new WindowBounds(0, 0, 1280, 720);
        // the default 1440×900 does not fit: it takes the screen's whole usable area, corner on the corner
        assertThat(WindowPlacement.place(null, screen)).isEqualTo(new WindowBounds(0, 0, 1280, 720));
        // a 1920×1080 screen with a 40 px task bar at the top: centred in what is left
        assertThat(WindowPlacement.place(null, new WindowBounds(0, 40, 1920, 1040)))
                .isEqualTo(new WindowBounds(240, 110, 1440, 900));
    }

    @Test
    void whereTheTraderLeftItWhileThatFitsFittedWhenTheScreenShrank() {
        WindowBounds saved = new WindowBounds(100, 50, 1200, 700);
        assertThat(WindowPlacement.place(saved, new WindowBounds(0, 0, 1920, 1080))).isEqualTo(saved);
        // the same window on a 1280×720 laptop: 1200 × 700 fits in size, so it keeps its size, centred
        assertThat(WindowPlacement.place(saved, new WindowBounds(0, 0, 1280, 720))).isEqualTo(new WindowBounds(40, 10, 1200, 700));
        // left on a second screen that is gone (x 2000): brought back
        assertThat(WindowPlacement.place(new WindowBounds(2000, 100, 1200, 700), new WindowBounds(0, 0, 1920, 1080)))
                .isEqualTo(new WindowBounds(360, 190, 1200, 700));
    }
}
