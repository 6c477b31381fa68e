namespace ComparisonSite.Results;

/// <summary>
/// Where the results store is and how the site treats it. Section "Results" (plus ConnectionStrings:Results).
/// </summary>
public sealed class ResultsOptions
{
    public const string Section = "Results";
    public const string ConnectionStringName = "Results";

    /// <summary>ConnectionStrings:Results. When empty, the site starts a private local PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the private cluster, relative to the site root (git-ignored).</summary>
    public string LocalClusterPath { get; set; } = ".local/postgres";

    /// <summary>Apply pending migrations when the site connects (the migrate verb does it on demand).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Run documents imported into an empty store, relative to the site root.</summary>
    public string SeedPath { get; set; } = "migrations/seed";

    /// <summary>Folder of the SQL migrations, relative to the site root.</summary>
    public string MigrationsPath { get; set; } = "migrations";
}
