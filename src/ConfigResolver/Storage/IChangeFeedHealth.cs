namespace ConfigResolver.Storage;

/// <summary>A store that follows other processes' or instances' writes and reports whether it currently does.</summary>
public interface IChangeFeedHealth
{
    /// <summary>Gets the current state; safe to read from any thread.</summary>
    ChangeFeedHealth FeedHealth { get; }
}
