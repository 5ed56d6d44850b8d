// Pattern: focused debugging, one function at a time (AALP paper §3.2.2).
// QA reviews each function on its own with a short verdict; the developer rewrites only the
// functions QA flagged, and sees only that function.
// Expected bounds: QA calls Θ(|functions|), input Θ(|functions|·|fn|), output Θ(1) (max_tokens: 100);
//                  developer calls O(|functions|), input O(|functions|·|fn|).
import OpenAI from "openai";

const openai = new OpenAI();

export async function debugFunctions(functions: string[]): Promise<string[]> {
  const fixed: string[] = [];

  for (const fn of functions) {
    const review = await openai.chat.completions.create({
      model: "gpt-4o-mini",
      max_tokens: 100,
      messages: [
        { role: "system", content: "Check this function against its docstring. Reply OK, or describe the one bug you found." },
        { role: "user", content: fn },
      ],
    });
    const verdict = review.choices[0].message.content?.trim() ?? "OK";

    if (!verdict.startsWith("OK")) {
      const rewrite = await openai.chat.completions.create({
        model: "gpt-4o",
        messages: [
          { role: "system", content: "Rewrite the function with the bug fixed. Reply with code only." },
          { role: "user", content: `Bug report: ${verdict}\n\n${fn}` },
        ],
      });
      fixed.push(rewrite.choices[0].message.content ?? fn);
    } else {
      fixed.push(fn);
    }
  }

  return fixed;
}
