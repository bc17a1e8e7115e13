using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Storage;

namespace ConfigResolver.Cli.Inputs;

/// <summary>
/// One side of <c>cfgr policy diff</c>: a policy directory, or a revision stored in <c>--db</c> (a number or
/// <c>current</c>). <c>--from REV</c> and <c>--to REV</c> take a side from the store; the positional directories fill
/// the sides left, old first.
/// </summary>
internal sealed record PolicyDiffSide(string? Directory, string? Revision)
{
    /// <summary>Reads both sides from <c>--from</c>, <c>--to</c> and the positional directories.</summary>
    /// <exception cref="UsageException">The directories given do not fill exactly the sides without a revision.</exception>
    public static (PolicyDiffSide From, PolicyDiffSide To) Read(ParsedArguments args, CommandSpec spec)
    {
        var (from, to) = (args.Value("--from"), args.Value("--to"));
        foreach (var revision in new[] { from, to }.OfType<string>())
        {
            PolicyPublishing.ParseRevision(revision, spec);
        }

        var wanted = (from is null ? 1 : 0) + (to is null ? 1 : 0);
        if (args.Positionals.Count != wanted)
        {
            throw new UsageException(
                $"expected two policies: 'OLD_DIR NEW_DIR', '--from REV NEW_DIR', 'OLD_DIR --to REV' or '--from REV --to REV'; found {args.Positionals.Count} directory argument(s) and {2 - wanted} revision(s).")
            { Command = spec };
        }

        var directories = new Queue<string>(args.Positionals);
        return (new PolicyDiffSide(from is null ? directories.Dequeue() : null, from), new PolicyDiffSide(to is null ? directories.Dequeue() : null, to));
    }

    /// <summary>Whether this side is read from the store.</summary>
    public bool IsRevision => Revision is not null;

    /// <summary>Compiles a directory side.</summary>
    /// <exception cref="Policy.Diagnostics.PolicyCompilationException">The directory does not compile.</exception>
    public CompiledPolicy LoadDirectory(CommandContext context) => PolicyDirectoryInput.Load(context, Directory!);

    /// <summary>Reads and compiles a revision side; returns how the side is named in the output (<c>revision 3</c>).</summary>
    /// <exception cref="CommandFailedException">No such revision, or none pushed yet for <c>current</c>.</exception>
    /// <exception cref="Policy.Diagnostics.PolicyCompilationException">The stored revision does not compile.</exception>
    public async Task<(CompiledPolicy Policy, string Shown)> LoadRevisionAsync(CommandContext context, IPolicyRevisionStore store, CommandSpec spec, CancellationToken cancellationToken)
    {
        var number = PolicyPublishing.ParseRevision(Revision!, spec);
        var revision = (number is { } n
                ? await store.GetPolicyRevisionAsync(n, cancellationToken).ConfigureAwait(false)
                : await store.GetCurrentPolicyRevisionAsync(cancellationToken).ConfigureAwait(false))
            ?? throw new CommandFailedException(number is null
                ? "there is no current policy revision: none has been pushed to this store ('cfgr policy push DIR')."
                : $"there is no policy revision {Revision}; 'cfgr policy history' lists them.");
        return (PolicyRevisionLoader.Compile(revision, context.Console.Clock), $"revision {revision.Number}");
    }
}
