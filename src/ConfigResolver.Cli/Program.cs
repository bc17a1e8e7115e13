namespace ConfigResolver.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Out.WriteLine(args.Length == 0 ? "cfgr" : args[0]);
        return 0;
    }
}
