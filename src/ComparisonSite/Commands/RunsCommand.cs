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
        command.Subcommands.Add(CreateRemove(root));
        return command;
    }

    /// <summary>
    /// <c>runs remove ID</c>: the run and its measurements leave the store in one transaction; its page answers
    /// 410 from then on. An id the store does not hold is an error (exit code 1) and changes nothing.
    /// </summary>
    private static Command CreateRemove(SiteRoot root)
    {
        var id = new Argument<string>("id") { Description = "The id of the run to remove (as `runs` lists it)." };
        var command = new Command("remove",
            "Remove a run and its measurements from the results store; its page then answers 410 Gone. "
            + "Importing a run with the same id brings it back.")
        {
            id,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runId = parse.GetValue(id)!;
            if (!Identifiers.IsRunId(runId))
            {
                await Console.Error.WriteLineAsync(
                    $"error: '{FieldRules.Escape(Identifiers.Shorten(runId))}' is not a run id "
                    + "(lowercase letters, digits, '.', '_' and '-'); `runs` lists the runs in the store.");
                return 1;
            }

            await using var services = await SiteCommands.StartStoreAsync(root, cancellationToken);
            await services.Get<MigrationRunner>().MigrateAsync(cancellationToken);
            if (await services.Get<RunRemover>().RemoveAsync(runId, cancellationToken) is not { } removed)
            {
                await Console.Error.WriteLineAsync(
                    $"error: no run '{runId}' in the results store; nothing removed. `runs` lists the runs.");
                return 1;
            }

            var title = FieldRules.Escape(removed.Title);
            Console.WriteLine($"Removed run {removed.Id} of suite {removed.Suite} ({title}); "
                + "its page now answers 410 Gone.");
            return 0;
        });
        return command;
    }
}
