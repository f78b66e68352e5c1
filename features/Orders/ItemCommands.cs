using FastEndpoints;
using Slices.Api;
using Slices.Auth;
using Slices.Store;

namespace Slices.Features.Orders;

/// <summary>Lists the whole catalog, ordered by item id. Every logged-in viewer may.</summary>
public sealed record ListItemsCommand(Viewer Viewer) : ICommand<IReadOnlyCollection<Item>>;

/// <summary>Reads one catalog item.</summary>
public sealed record GetItemCommand(Viewer Viewer, string ItemId) : ICommand<Outcome<Item>>;

public sealed class ListItemsHandler(ItemStore items) : ICommandHandler<ListItemsCommand, IReadOnlyCollection<Item>>
{
    public Task<IReadOnlyCollection<Item>> ExecuteAsync(ListItemsCommand command, CancellationToken cancellation) =>
        Task.FromResult(items.All());
}

public sealed class GetItemHandler(ItemStore items, ILogger<GetItemHandler> logger) : ICommandHandler<GetItemCommand, Outcome<Item>>
{
    public Task<Outcome<Item>> ExecuteAsync(GetItemCommand command, CancellationToken cancellation)
    {
        var item = items.FindById(command.ItemId);
        if (item is null)
        {
            logger.LogInformation("Item {ItemId} requested by {ActorId} not found", command.ItemId, command.Viewer.UserId);
            return Task.FromResult(Outcome<Item>.NotFound());
        }

        return Task.FromResult(Outcome<Item>.Success(item));
    }
}
