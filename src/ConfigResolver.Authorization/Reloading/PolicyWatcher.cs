namespace ConfigResolver.Authorization.Reloading;

/// <summary>
/// Watches a policy directory and calls back once the directory has been quiet for the debounce interval, so an
/// editor's save (truncate, write, rename: several events) costs one reload, and a half-written file is usually not
/// read at all. When it is, the reload fails, the previous snapshot keeps serving, and the next event reloads again.
/// </summary>
internal sealed class PolicyWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly TimeSpan _debounce;

    public PolicyWatcher(string directory, TimeSpan debounce, TimeProvider timeProvider, Action onChanged)
    {
        _debounce = debounce;
        _timer = timeProvider.CreateTimer(_ => onChanged(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetFullPath(directory))
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Renamed += OnEvent;
        _watcher.Error += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void OnEvent(object sender, FileSystemEventArgs e) => Schedule();

    // Each event pushes the single due time back: the callback runs once, after the last event plus the debounce.
    private void Schedule() => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
}
