// The HTML report's only script: sort the sites table by a column (click or Enter on its header;
// again to reverse). Cells carry their sort key in data-sort.
export const SORT_SCRIPT = `
(() => {
  const table = document.getElementById("sites");
  const body = table.tBodies[0];
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((th, col) => {
    th.querySelector("button").addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const numeric = th.dataset.type === "number";
      const key = (tr) => tr.cells[col].dataset.sort;
      const rows = [...body.rows].sort((a, b) => {
        const c = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b));
        return ascending ? c : -c;
      });
      body.append(...rows);
    });
  });
})();
`;
