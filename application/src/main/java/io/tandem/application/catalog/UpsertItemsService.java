package io.tandem.application.catalog;

import io.tandem.application.catalog.port.in.UpsertItemsCommand;
import io.tandem.application.catalog.port.in.UpsertItemsReport;
import io.tandem.application.catalog.port.in.UpsertItemsUseCase;
import io.tandem.application.catalog.port.out.SaveItemsPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.Item;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stores catalog items as the caller describes them, except an item created further ahead of the clock than the
 * input window allows (ADR-0019), which is refused by index while the others are kept.
 */
public final class UpsertItemsService implements UpsertItemsUseCase {

    private final SaveItemsPort saveItems;
    private final TimeWindow window;
    private final Clock clock;

    public UpsertItemsService(SaveItemsPort saveItems, TimeWindow window, Clock clock) {
        this.saveItems = Objects.requireNonNull(saveItems, "saveItems");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UpsertItemsReport upsert(UpsertItemsCommand command) {
        Instant now = clock.instant();
        List<Item> kept = new ArrayList<>(command.items().size());
        List<UpsertItemsReport.RejectedItem> rejected = new ArrayList<>();
        for (int index = 0; index < command.items().size(); index++) {
            Item item = command.items().get(index);
            try {
                window.requireNotAhead("createdAt", item.createdAt(), now);
                kept.add(item);
            } catch (InvalidFieldException e) {
                rejected.add(new UpsertItemsReport.RejectedItem(index, e.field(), e.reason()));
            }
        }
        if (!kept.isEmpty()) {
            saveItems.save(kept);
        }
        return new UpsertItemsReport(kept.size(), rejected);
    }
}
