namespace ComparisonSite.Content;

/// <summary>
/// Told before a load of the whole content reads a folder. None is registered in the site; tests register one to
/// hold a folder back and show what is served while the rest of the content is still loading.
/// </summary>
internal interface IFolderLoadObserver
{
    Task BeforeFolderAsync(string folderName, CancellationToken cancellationToken);
}
