// `npm run bench`: performance figures as one JSON object on stdout (filled in below).
console.log(JSON.stringify({}));
