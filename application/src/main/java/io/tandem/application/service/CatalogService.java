package io.tandem.application.service;

import io.tandem.application.port.in.CatalogCounts;
import io.tandem.application.port.in.CountCatalogQuery;
import io.tandem.application.port.in.CountCatalogUseCase;
import io.tandem.application.port.in.DeleteItemCommand;
import io.tandem.application.port.in.DeleteItemUseCase;
import io.tandem.application.port.in.FindItemQuery;
import io.tandem.application.port.in.FindItemUseCase;
import io.tandem.application.port.in.FindUserQuery;
import io.tandem.application.port.in.FindUserUseCase;
import io.tandem.application.port.in.UpsertItemsCommand;
import io.tandem.application.port.in.UpsertItemsReport;
import io.tandem.application.port.in.UpsertItemsUseCase;
import io.tandem.application.port.in.UpsertUsersCommand;
import io.tandem.application.port.in.UpsertUsersUseCase;
import io.tandem.application.port.out.CountCatalogPort;
import io.tandem.application.port.out.DeleteItemPort;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadUserPort;
import io.tandem.application.port.out.SaveItemsPort;
import io.tandem.application.port.out.SaveUsersPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.TimeWindow;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog use cases: items and users as the caller describes them, stored as given, except an item created
 * further ahead of the clock than the input window allows (ADR-0019), which is refused by index.
 */
public final class CatalogService implements UpsertItemsUseCase, FindItemUseCase, DeleteItemUseCase,
        UpsertUsersUseCase, FindUserUseCase, CountCatalogUseCase {

    private final SaveItemsPort saveItems;
    private final LoadItemsPort loadItems;
    private final DeleteItemPort deleteItem;
    private final SaveUsersPort saveUsers;
    private final LoadUserPort loadUser;
    private final CountCatalogPort countCatalog;
    private final TimeWindow window;
    private final Clock clock;

    public CatalogService(SaveItemsPort saveItems, LoadItemsPort loadItems, DeleteItemPort deleteItem,
                          SaveUsersPort saveUsers, LoadUserPort loadUser, CountCatalogPort countCatalog,
                          TimeWindow window, Clock clock) {
        this.saveItems = Objects.requireNonNull(saveItems, "saveItems");
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
        this.deleteItem = Objects.requireNonNull(deleteItem, "deleteItem");
        this.saveUsers = Objects.requireNonNull(saveUsers, "saveUsers");
        this.loadUser = Objects.requireNonNull(loadUser, "loadUser");
        this.countCatalog = Objects.requireNonNull(countCatalog, "countCatalog");
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

    @Override
    public Optional<Item> find(FindItemQuery query) {
        return Optional.ofNullable(loadItems.loadItems(List.of(query.item())).get(query.item()));
    }

    @Override
    public boolean delete(DeleteItemCommand command) {
        return deleteItem.deleteItem(command.item());
    }

    @Override
    public void upsert(UpsertUsersCommand command) {
        if (!command.users().isEmpty()) {
            saveUsers.saveUsers(command.users());
        }
    }

    @Override
    public Optional<User> find(FindUserQuery query) {
        return loadUser.loadUser(query.user());
    }

    @Override
    public CatalogCounts count(CountCatalogQuery query) {
        return new CatalogCounts(countCatalog.countItems(), countCatalog.countUsers());
    }
}
