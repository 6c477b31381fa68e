using System.CommandLine;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;

namespace ComparisonSite.Commands;

internal static class MigrateCommand
{
    public static Command Create(SiteRoot root)
    {
        var command = new Command(
            "migrate", "Apply pending SQL migrations from migrations/ (and seed an empty store), then exit.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var services = await SiteCommands.StartStoreAsync(root, cancellationToken);
            var applied = await services.Get<MigrationRunner>().MigrateAsync(cancellationToken);
            var seeded = await services.Get<SeedImporter>().SeedIfEmptyAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? "Schema is up to date."
                : $"Applied migrations: {string.Join(", ", applied)}.");
            if (seeded > 0)
            {
                Console.WriteLine($"Seeded the empty store with {seeded} run(s).");
            }

            return 0;
        });
        return command;
    }
}
