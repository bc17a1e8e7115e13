using System.Text;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>Standard input for a watcher that stays open until the test closes it (then reads as end of input).</summary>
internal sealed class OpenInput : TextReader
{
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void CloseInput() => _closed.TrySetResult(null);

    public override string? ReadLine() => _closed.Task.GetAwaiter().GetResult();

    public override Task<string?> ReadLineAsync() => _closed.Task;

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => new(_closed.Task.WaitAsync(cancellationToken));
}

/// <summary>Standard output a test reads while the command is still writing to it.</summary>
internal sealed class SharedOutput : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override string ToString() => Text;
}
