// The demo cart's coupon form, as a shop's own script would do it: WELCOME10 takes 10% off the
// items; any other code is refused with a message. Nothing is sent anywhere.
(() => {
  const form = document.getElementById('coupon-form');
  const field = document.getElementById('coupon-code');
  const message = document.getElementById('coupon-message');
  const subtotal = 165;
  const money = (n) => '$' + n.toFixed(2);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = field.value.trim().toUpperCase();
    if (code === 'WELCOME10') {
      const discount = subtotal * 0.1;
      message.textContent = `Coupon WELCOME10 applied: ${money(discount)} off.`;
      document.getElementById('total').textContent = money(subtotal - discount);
    } else {
      message.textContent = code ? `The code ${code} is not valid. Check it and try again.` : 'Enter a coupon code first.';
      document.getElementById('total').textContent = money(subtotal);
    }
  });
})();
