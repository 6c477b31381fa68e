namespace ComparisonSite.Files;

/// <summary>
/// A folder no symbolic link may lead a read out of (see <see cref="InputFiles"/>), with how a problem names it
/// and what it advises.
/// </summary>
public sealed record InputRoot(string Path, string Name, string Advice)
{
    /// <summary>A content folder: everything an article is made of lies inside it.</summary>
    public static InputRoot Content(string path) => new(path, "the content folder", "only files inside it are read");

    /// <summary>
    /// The root of a file named on the command line: the current folder when the name lies below it (the checkout
    /// a CI job imports from, so a committed link cannot lead out of it, even through a linked folder), else the
    /// folder the name gives. Links in the path up to that root are the user's own, followed as the shell does.
    /// </summary>
    public static InputRoot OfNamedFile(string file)
    {
        var full = System.IO.Path.GetFullPath(file);
        var current = System.IO.Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory());
        var root = InputFiles.IsBelow(full, current) ? current : System.IO.Path.GetDirectoryName(full) ?? full;
        return new InputRoot(root, "the folder it is named from", "give the path of the file itself");
    }
}
