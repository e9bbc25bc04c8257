/* global document, performance, MutationObserver, Event, setTimeout */
// Input to result on the period widget: `count` changes of its days, each until its new result is shown (ms).
async (count) => {
    const widget = document.querySelector('[data-gw-kind="period"]');
    const input = widget.querySelector('input[name=days]');
    const output = widget.querySelector('[data-gw-result]');
    // The guide's period runs without an end unless the reader gives it one: tick that it has one, so that
    // its length (the field changed below) is what each result counts to.
    const hasEnd = widget.querySelector('input[name=has_end]');
    if (hasEnd && !hasEnd.checked) hasEnd.click();
    const times = [];
    for (let i = 0; i < count; i++) {
        const days = String(200 + i);  // every change gives a new result
        const shown = () => (output.querySelector('.gw-headline') || {}).textContent?.includes(`of ${days}`);
        const start = performance.now();
        const done = new Promise((resolve) => {
            const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(); } });
            observer.observe(output, {childList: true, subtree: true, characterData: true});
        });
        input.value = days;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await done;
        times.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return times;
}
