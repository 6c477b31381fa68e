using System.CommandLine;
using System.Globalization;
using ComparisonSite.Results.Import;
using ComparisonSite.Results.Migrations;
using ComparisonSite.Results.Store;

namespace ComparisonSite.Commands;

internal static class RunsCommand
{
    public static Command Create(SiteRoot root)
    {
        var command = new Command("runs",
            "List the runs of each suite with their dates and measurement counts; * marks the latest run of each "
            + "origin (reported, measured): the runs the site's references read unless they pin one.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var services = await SiteCommands.StartStoreAsync(root, cancellationToken);
            await services.Get<MigrationRunner>().MigrateAsync(cancellationToken);
            var dataSource = services.Get<Npgsql.NpgsqlDataSource>();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var runs = await services.Get<RunRepository>().ListAsync(connection, cancellationToken);
            if (runs.Count == 0)
            {
                Console.WriteLine("No runs in the store.");
                return 0;
            }

            foreach (var suite in runs.GroupBy(r => r.Suite))
            {
                Console.WriteLine(suite.Key);
                // Listed newest first, so the first run of each origin is the one references by origin read.
                var marked = new HashSet<RunOrigin>();
                foreach (var run in suite)
                {
                    var mark = marked.Add(run.Origin) ? '*' : ' ';
                    var (origin, imported) = (run.Origin.ToText(), run.ImportedAt.UtcDateTime);
                    // A title is printed on a terminal: escape sequences stored before imports refused them
                    // must not move the cursor, recolour or retitle it.
                    var title = FieldRules.Escape(run.Title);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {mark} {run.Id,-28} {run.Date:yyyy-MM-dd}  {origin,-8}  {run.Measurements,4} measurements  "
                        + $"imported {imported:yyyy-MM-dd HH:mm} UTC  {title}"));
                }
            }

            return 0;
        });
        return command;
    }
}
