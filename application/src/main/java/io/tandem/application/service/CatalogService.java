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
import io.tandem.application.port.in.UpsertItemsUseCase;
import io.tandem.application.port.in.UpsertUsersCommand;
import io.tandem.application.port.in.UpsertUsersUseCase;
import io.tandem.application.port.out.CountCatalogPort;
import io.tandem.application.port.out.DeleteItemPort;
import io.tandem.application.port.out.LoadItemsPort;
import io.tandem.application.port.out.LoadUserPort;
import io.tandem.application.port.out.SaveItemsPort;
import io.tandem.application.port.out.SaveUsersPort;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.User;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The catalog use cases: items and users as the caller describes them, stored as given. */
public final class CatalogService implements UpsertItemsUseCase, FindItemUseCase, DeleteItemUseCase,
        UpsertUsersUseCase, FindUserUseCase, CountCatalogUseCase {

    private final SaveItemsPort saveItems;
    private final LoadItemsPort loadItems;
    private final DeleteItemPort deleteItem;
    private final SaveUsersPort saveUsers;
    private final LoadUserPort loadUser;
    private final CountCatalogPort countCatalog;

    public CatalogService(SaveItemsPort saveItems, LoadItemsPort loadItems, DeleteItemPort deleteItem,
                          SaveUsersPort saveUsers, LoadUserPort loadUser, CountCatalogPort countCatalog) {
        this.saveItems = Objects.requireNonNull(saveItems, "saveItems");
        this.loadItems = Objects.requireNonNull(loadItems, "loadItems");
        this.deleteItem = Objects.requireNonNull(deleteItem, "deleteItem");
        this.saveUsers = Objects.requireNonNull(saveUsers, "saveUsers");
        this.loadUser = Objects.requireNonNull(loadUser, "loadUser");
        this.countCatalog = Objects.requireNonNull(countCatalog, "countCatalog");
    }

    @Override
    public void upsert(UpsertItemsCommand command) {
        if (!command.items().isEmpty()) {
            saveItems.save(command.items());
        }
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
