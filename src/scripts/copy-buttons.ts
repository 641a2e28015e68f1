/**
 * Progressive copy buttons: each `[data-copy]` button copies the text of the element whose id it
 * names. Without JavaScript the buttons stay hidden and the citation text is still on the page.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy ?? '');
  if (source === null || !('clipboard' in navigator)) continue;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(source.textContent).then(
      () => {
        button.textContent = 'Copied';
        setTimeout(() => (button.textContent = label), 2000);
      },
      () => {
        button.textContent = 'Copy failed: select the text instead';
      },
    );
  });
}
