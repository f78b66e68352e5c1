namespace Slices.Store;

/// <summary>Settings of the <c>Store</c> section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Loads the demo users, items and orders at start-up.</summary>
    public bool SeedDemoData { get; set; }
}
