using ConfigResolver.IO;

namespace ConfigResolver.Cli.CommandLine;

/// <summary>What a running command gets: its arguments, the global options and the console.</summary>
/// <param name="Arguments">The command's parsed options and positionals.</param>
/// <param name="Globals">The global options (<c>--db</c>).</param>
/// <param name="Console">Output writers, standard input and working directory.</param>
internal sealed record CommandContext(ParsedArguments Arguments, GlobalOptions Globals, CliConsole Console)
{
    /// <summary>Writes one result line to standard output (always <c>\n</c>, so output is the same on every OS).</summary>
    /// <param name="line">The line, without a line break.</param>
    public void Print(string line)
    {
        Console.Out.Write(line);
        Console.Out.Write('\n');
    }

    /// <summary>Writes one value as compact JSON on its own line (see <see cref="Rendering.JsonOutput"/>).</summary>
    /// <param name="value">An anonymous object, record, dictionary or list.</param>
    public void PrintJson(object? value) => Print(Rendering.JsonOutput.Serialize(value));

    /// <summary>Colours a verdict word when standard output is a terminal and <c>NO_COLOR</c> is not set.</summary>
    /// <param name="word">The verdict (<c>allow</c>, <c>deny</c>, <c>PASS</c>, <c>FAIL</c>).</param>
    /// <param name="good">Green when true, red when false.</param>
    /// <returns>The word, coloured or not.</returns>
    public string Verdict(string word, bool good) => Rendering.Colors.Verdict(word, good, Console.UseColor);

    /// <summary>Writes one diagnostic or error line to standard error.</summary>
    /// <param name="line">The line, without a line break.</param>
    public void Report(string line)
    {
        Console.Error.Write(line);
        Console.Error.Write('\n');
    }

    /// <summary>A path given on the command line, resolved against the working directory.</summary>
    /// <param name="path">The path as given.</param>
    /// <returns>The full path.</returns>
    public string Resolve(string path) => Path.GetFullPath(path, Console.WorkingDirectory);

    /// <summary>
    /// Reads a file named on the command line through the library's safe reader (regular files only, bounded, strict
    /// UTF-8); diagnostics keep naming it as the user wrote it.
    /// </summary>
    /// <param name="path">The path as given; <c>-</c> reads standard input.</param>
    /// <param name="what">What the file is, for the error message (<c>model</c>, <c>policy</c>).</param>
    /// <param name="maxBytes">The size limit.</param>
    /// <returns>The text.</returns>
    /// <exception cref="InputFileException">The file does not exist, is not a regular file, is too large or is not UTF-8.</exception>
    /// <exception cref="CommandFailedException">Standard input is larger than the limit.</exception>
    public string ReadText(string path, string what, long maxBytes = InputFile.DefaultMaxBytes)
    {
        if (path != "-")
        {
            return InputFile.ReadText(Resolve(path), path, maxBytes, what);
        }

        // Standard input is decoded by the console's reader (strict UTF-8 when redirected); bound what is read of it.
        var buffer = new char[Math.Min(maxBytes + 1, 1 << 16)];
        var text = new System.Text.StringBuilder();
        int count;
        try
        {
            while ((count = Console.In.Read(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, count);
                if (text.Length > maxBytes)
                {
                    throw new CommandFailedException($"the {what} read from standard input is larger than the limit of {maxBytes:N0} bytes.");
                }
            }
        }
        catch (System.Text.DecoderFallbackException e)
        {
            // Never the bytes themselves: they may be part of a secret.
            var at = e.Index >= 0 ? $" (near character {text.Length + e.Index + 1:N0})" : string.Empty;
            throw new CommandFailedException($"the {what} read from standard input is not valid UTF-8{at}: expected UTF-8 text; nothing was changed.");
        }

        return text.Length > 0 && text[0] == '\uFEFF' ? text.ToString(1, text.Length - 1) : text.ToString();
    }
}
