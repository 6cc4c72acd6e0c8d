package io.kellydesk.desk.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.kellydesk.desk.fx.FxCoalescer;
import io.kellydesk.engine.EventBus;
import io.kellydesk.engine.SymbolSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The grid's order and filter rules, without a node: symbols only (no snapshot yet), as a fresh desk has them. */
class TilesViewModelTest {

    private final List<String> selected = new ArrayList<>();
    private final TilesViewModel viewModel = new TilesViewModel(new EventBus(), new FxCoalescer(Runnable::run), selected::add);
    private static final List<String> SYMBOLS = List.of("ZNZ26-CBOT", "ESZ26-CME", "NQH27-CME", "GCG27-COMEX", "NQZ26-CME");

    private List<String> arranged() {
        Function<String, SymbolSnapshot> noSnapshot = s -> null;
        return SYMBOLS.stream().filter(s -> viewModel.shows(s, null)).sorted(viewModel.order(Function.identity(), noSnapshot)).toList();
    }

    @Test
    void aWatchlistRootCoversEveryMonthAndTheRestFollowByName() {
        viewModel.watchlistProperty().set(List.of("NQ", "GCG27-COMEX"));
        // NQ (both months, by name), then GC, then the others by name
        assertThat(arranged()).containsExactly("NQH27-CME", "NQZ26-CME", "GCG27-COMEX", "ESZ26-CME", "ZNZ26-CBOT");
        viewModel.orderProperty().set(TilesViewModel.TileOrder.SYMBOL);
        assertThat(arranged()).containsExactly("ESZ26-CME", "GCG27-COMEX", "NQH27-CME", "NQZ26-CME", "ZNZ26-CBOT");
    }

    @Test
    void theFilterMatchesAnyPartOfTheSymbolInAnyCaseAndTradableOnlyNeedsATrade() {
        viewModel.filterTextProperty().set(" cme ");
        assertThat(arranged()).containsExactly("ESZ26-CME", "NQH27-CME", "NQZ26-CME");
        // no snapshot yet is no trade: nothing shows under "tradable only"
        viewModel.tradableOnlyProperty().set(true);
        assertThat(arranged()).isEmpty();
        assertThat(viewModel.orderFollowsValues()).isTrue();
    }

    @Test
    void selectingTellsTheDetailPaneAndKeepsTheSymbol() {
        viewModel.select("ESZ26-CME");
        assertThat(selected).containsExactly("ESZ26-CME");
        assertThat(viewModel.selectedProperty().get()).isEqualTo("ESZ26-CME");
    }
}
